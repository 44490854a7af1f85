using AdeBot.Domain.Alerts;
using Microsoft.Data.Sqlite;

namespace AdeBot.Storage;

/// Tenant leases in the SQLite database. Every step runs in a write transaction (BEGIN IMMEDIATE),
/// so two processes sharing the file never claim one tenant together, and a ledger commit is
/// checked against the lease in the same transaction that writes it.
public sealed class SqliteTenantLeaseStore(AlertDatabase database, TimeProvider time) : ITenantLeaseStore
{
    internal const string Schema = """
        -- One row per tenant that has had an active subscription. A free tenant has no holder (or one
        -- whose leased_until_ms has passed); token changes with every claim.
        CREATE TABLE tenant_lease (
            tenant_id       TEXT    NOT NULL COLLATE NOCASE PRIMARY KEY,
            holder          TEXT,
            token           INTEGER NOT NULL DEFAULT 0,
            leased_until_ms INTEGER NOT NULL DEFAULT 0,
            next_due_ms     INTEGER NOT NULL DEFAULT 0,
            claimed_in_run  TEXT
        );

        CREATE INDEX tenant_lease_due ON tenant_lease (next_due_ms);
        """;

    private const string Held = "tenant_id = $tenant AND holder = $holder AND token = $token AND leased_until_ms > $now";

    public async Task<IReadOnlyList<TenantLease>> ClaimAsync(
        string holder, string run, int max, DateTimeOffset dueBy, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await AlertDatabase.ExecuteAsync(connection, transaction,
            "INSERT OR IGNORE INTO tenant_lease (tenant_id) SELECT DISTINCT tenant_id FROM conversation WHERE active = 1;", cancellationToken);
        await using var command = AlertDatabase.Command(connection, transaction, """
            UPDATE tenant_lease SET holder = $holder, token = token + 1, leased_until_ms = $until, claimed_in_run = $run
            WHERE tenant_id IN (
                SELECT l.tenant_id FROM tenant_lease l
                WHERE l.next_due_ms <= $dueBy AND l.leased_until_ms <= $now
                  AND (l.claimed_in_run IS NULL OR l.claimed_in_run <> $run)
                  AND EXISTS (SELECT 1 FROM conversation c WHERE c.tenant_id = l.tenant_id AND c.active = 1)
                ORDER BY l.next_due_ms, l.tenant_id
                LIMIT $max)
            RETURNING tenant_id, token;
            """,
            ("$holder", holder), ("$run", run), ("$max", max), ("$until", until.ToUnixTimeMilliseconds()),
            ("$dueBy", dueBy == DateTimeOffset.MaxValue ? long.MaxValue : dueBy.ToUnixTimeMilliseconds()), Now());
        List<TenantLease> claimed = [];
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) claimed.Add(new TenantLease(reader.GetString(0), holder, reader.GetInt64(1)));
        }
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    public async Task<bool> RenewAsync(TenantLease lease, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await AlertDatabase.ExecuteAsync(connection, null, $"UPDATE tenant_lease SET leased_until_ms = $until WHERE {Held};",
            cancellationToken, [.. Lease(lease), ("$until", until.ToUnixTimeMilliseconds()), Now()]) > 0;
    }

    public async Task ReleaseAsync(TenantLease lease, DateTimeOffset? nextDueAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await AlertDatabase.ExecuteAsync(connection, null, """
            UPDATE tenant_lease SET holder = NULL, leased_until_ms = 0, next_due_ms = COALESCE($nextDue, next_due_ms)
            WHERE tenant_id = $tenant AND holder = $holder AND token = $token;
            """, cancellationToken, [.. Lease(lease), ("$nextDue", nextDueAt?.ToUnixTimeMilliseconds())]);
    }

    public async Task<LeasedCommit> CommitAsync(TenantLease lease, ConversationKey key, IReadOnlyList<LedgerChange> changes, CancellationToken cancellationToken)
    {
        if (!string.Equals(lease.TenantId, key.TenantId, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("The conversation is not of the leased tenant.", nameof(key));
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var held = await AlertDatabase.ScalarAsync<long?>(connection, transaction, $"SELECT 1 FROM tenant_lease WHERE {Held};",
            cancellationToken, [.. Lease(lease), Now()]);
        if (held is null) return LeasedCommit.LeaseLost;
        if (!await SqliteAlertStore.ApplyChangesAsync(connection, transaction, key, changes, cancellationToken)) return LeasedCommit.ConversationGone;
        await transaction.CommitAsync(cancellationToken);
        return LeasedCommit.Committed;
    }

    private static (string Name, object? Value)[] Lease(TenantLease lease) =>
        [("$tenant", lease.TenantId), ("$holder", lease.Holder), ("$token", lease.Token)];

    private (string Name, object? Value) Now() => ("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
}
