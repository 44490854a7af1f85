using AdeBot.Domain.Alerts;
using Npgsql;
using static AdeBot.Storage.PostgreSql.PostgreSqlDatabase;

namespace AdeBot.Storage.PostgreSql;

/// Tenant leases in PostgreSQL. A claim locks the due rows it takes with FOR UPDATE SKIP LOCKED, so
/// instances claiming at the same moment take different tenants instead of waiting on each other;
/// a ledger commit locks the lease row (FOR SHARE) and checks it in the transaction that writes.
public sealed class PostgreSqlTenantLeaseStore(PostgreSqlDatabase database, TimeProvider time) : ITenantLeaseStore
{
    internal const string Schema = """
        CREATE TABLE tenant_lease (
            tenant_id       text    NOT NULL,
            tenant_key      text    GENERATED ALWAYS AS (lower(tenant_id)) STORED PRIMARY KEY,
            holder          text,
            token           bigint  NOT NULL DEFAULT 0,
            leased_until_ms bigint  NOT NULL DEFAULT 0,
            next_due_ms     bigint  NOT NULL DEFAULT 0,
            claimed_in_run  text
        );

        CREATE INDEX tenant_lease_due ON tenant_lease (next_due_ms);
        """;

    private const string Held = "tenant_key = lower(@tenant) AND holder = @holder AND token = @token AND leased_until_ms > @now";

    public async Task<IReadOnlyList<TenantLease>> ClaimAsync(
        string holder, string run, int max, DateTimeOffset dueBy, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, """
            INSERT INTO tenant_lease (tenant_id)
            SELECT DISTINCT ON (tenant_key) tenant_id FROM conversation WHERE active
            ON CONFLICT (tenant_key) DO NOTHING;
            """, cancellationToken);
        await using var command = Command(connection, transaction, """
            WITH due AS (
                SELECT l.tenant_key FROM tenant_lease l
                WHERE l.next_due_ms <= @dueBy AND l.leased_until_ms <= @now
                  AND (l.claimed_in_run IS NULL OR l.claimed_in_run <> @run)
                  AND EXISTS (SELECT 1 FROM conversation c WHERE c.tenant_key = l.tenant_key AND c.active)
                ORDER BY l.next_due_ms, l.tenant_key COLLATE "C"
                LIMIT @max
                FOR UPDATE SKIP LOCKED)
            UPDATE tenant_lease t SET holder = @holder, token = t.token + 1, leased_until_ms = @until, claimed_in_run = @run
            FROM due WHERE t.tenant_key = due.tenant_key
            RETURNING t.tenant_id, t.token;
            """,
            P("holder", holder), P("run", run), P("max", max), P("until", until.ToUnixTimeMilliseconds()),
            P("dueBy", dueBy == DateTimeOffset.MaxValue ? long.MaxValue : dueBy.ToUnixTimeMilliseconds()), Now());
        List<TenantLease> claimed = [];
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) claimed.Add(new TenantLease(reader.GetString(0), holder, reader.GetInt64(1)));
        }
        await transaction.CommitAsync(cancellationToken);
        return [.. claimed.OrderBy(l => l.TenantId, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<bool> RenewAsync(TenantLease lease, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null, $"UPDATE tenant_lease SET leased_until_ms = @until WHERE {Held};",
            cancellationToken, [.. Lease(lease), P("until", until.ToUnixTimeMilliseconds()), Now()]) > 0;
    }

    public async Task ReleaseAsync(TenantLease lease, DateTimeOffset? nextDueAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, """
            UPDATE tenant_lease SET holder = NULL, leased_until_ms = 0, next_due_ms = COALESCE(@nextDue, next_due_ms)
            WHERE tenant_key = lower(@tenant) AND holder = @holder AND token = @token;
            """, cancellationToken, [.. Lease(lease), P("nextDue", nextDueAt?.ToUnixTimeMilliseconds())]);
    }

    public async Task<LeasedCommit> CommitAsync(TenantLease lease, ConversationKey key, IReadOnlyList<LedgerChange> changes, CancellationToken cancellationToken)
    {
        if (!string.Equals(lease.TenantId, key.TenantId, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("The conversation is not of the leased tenant.", nameof(key));
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // FOR SHARE: a claim by another instance (FOR UPDATE) waits until this commit is done.
        var held = await ScalarAsync<int?>(connection, transaction, $"SELECT 1 FROM tenant_lease WHERE {Held} FOR SHARE;",
            cancellationToken, [.. Lease(lease), Now()]);
        if (held is null) return LeasedCommit.LeaseLost;
        if (!await PostgreSqlAlertStore.ApplyChangesAsync(connection, transaction, key, changes, cancellationToken)) return LeasedCommit.ConversationGone;
        await transaction.CommitAsync(cancellationToken);
        return LeasedCommit.Committed;
    }

    private static NpgsqlParameter[] Lease(TenantLease lease) =>
        [P("tenant", lease.TenantId), P("holder", lease.Holder), P("token", lease.Token)];

    private NpgsqlParameter Now() => P("now", time.GetUtcNow().ToUnixTimeMilliseconds());
}
