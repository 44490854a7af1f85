using AdeBot.Domain.Alerts;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;
using Microsoft.Data.Sqlite;

namespace AdeBot.Storage;

/// Subscriptions and the alert ledger in the embedded SQLite database. Times are stored as unix
/// milliseconds (UTC); enums by name, so reordering an enum never changes stored meaning.
public sealed class SqliteAlertStore(AlertDatabase database, TimeProvider time) : IConversationStore
{
    private const string ConversationColumns = """
        tenant_id, conversation_id, conversation_type, channel_id, service_url, bot_id, bot_name, user_id,
        user_aad_object_id, team_id, team_channel_id, locale, from_local_mode, active, alert_scope,
        locale_override, created_at_ms, updated_at_ms
        """;

    private const string KeyFilter = "tenant_id = $tenant AND conversation_id = $conversation";

    private const string FindingFilter = "token_kind = $kind AND token_id = $tokenId AND track = $track";

    public async Task<ConversationUpsert> UpsertConversationAsync(StoredConversation conversation, bool subscribeIfNew, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // BEGIN IMMEDIATE takes the write lock before the existence check, so "was it new?" and the
        // write are one step even across processes sharing the file.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var storedFromLocalMode = await AlertDatabase.ScalarAsync<long?>(connection, transaction,
            $"SELECT from_local_mode FROM conversation WHERE {KeyFilter};", cancellationToken, Key(conversation.Key));
        var existed = storedFromLocalMode is not null;
        // Anyone who reaches local mode can name any conversation; a reference an authenticated
        // turn stored (and its alerts, sent with the bot's token) must not be redirected by one.
        if (storedFromLocalMode == 0 && conversation.FromLocalMode)
        {
            await using var read = AlertDatabase.Command(connection, transaction,
                $"SELECT {ConversationColumns} FROM conversation WHERE {KeyFilter};", Key(conversation.Key));
            ConversationSubscription unchanged;
            await using (var kept = await read.ExecuteReaderAsync(cancellationToken))
            {
                await kept.ReadAsync(cancellationToken);
                unchanged = ReadSubscription(kept);
            }
            await transaction.CommitAsync(cancellationToken);
            return new ConversationUpsert(unchanged, Created: false);
        }
        // A refresh keeps what the user chose (active, scope, language) and the optional ids an
        // inbound activity may lack (a message in a team channel carries no team install data).
        await using var command = AlertDatabase.Command(connection, transaction, $"""
            INSERT INTO conversation ({ConversationColumns})
            VALUES ($tenant, $conversation, $type, $channel, $serviceUrl, $botId, $botName, $userId,
                    $userAadObjectId, $teamId, $teamChannelId, $locale, $fromLocalMode, $active, $scope,
                    NULL, $now, $now)
            ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET
                conversation_type  = excluded.conversation_type,
                channel_id         = excluded.channel_id,
                service_url        = excluded.service_url,
                bot_id             = excluded.bot_id,
                bot_name           = COALESCE(excluded.bot_name, bot_name),
                user_id            = COALESCE(excluded.user_id, user_id),
                user_aad_object_id = COALESCE(excluded.user_aad_object_id, user_aad_object_id),
                team_id            = COALESCE(excluded.team_id, team_id),
                team_channel_id    = COALESCE(excluded.team_channel_id, team_channel_id),
                locale             = COALESCE(excluded.locale, locale),
                from_local_mode    = excluded.from_local_mode,
                updated_at_ms      = excluded.updated_at_ms
            RETURNING {ConversationColumns};
            """,
            [
                .. Key(conversation.Key),
                ("$type", conversation.ConversationType), ("$channel", conversation.ChannelId), ("$serviceUrl", conversation.ServiceUrl),
                ("$botId", conversation.BotId), ("$botName", conversation.BotName), ("$userId", conversation.UserId),
                ("$userAadObjectId", conversation.UserAadObjectId), ("$teamId", conversation.TeamId), ("$teamChannelId", conversation.TeamChannelId),
                ("$locale", conversation.Locale), ("$fromLocalMode", conversation.FromLocalMode), ("$active", subscribeIfNew),
                ("$scope", nameof(AlertScope.All)), Now(),
            ]);
        ConversationSubscription subscription;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            subscription = ReadSubscription(reader);
        }
        await transaction.CommitAsync(cancellationToken);
        return new ConversationUpsert(subscription, Created: !existed);
    }

    public async Task<ConversationSubscription?> GetAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        var found = await QueryAsync($"SELECT {ConversationColumns} FROM conversation WHERE {KeyFilter};", ReadSubscription, cancellationToken, Key(key));
        return found.SingleOrDefault();
    }

    public async Task<bool> SetActiveAsync(ConversationKey key, bool active, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var updated = await AlertDatabase.ExecuteAsync(connection, transaction,
            $"UPDATE conversation SET active = $active, updated_at_ms = $now WHERE {KeyFilter};",
            cancellationToken, [.. Key(key), ("$active", active), Now()]);
        if (!active)
        {
            await AlertDatabase.ExecuteAsync(connection, transaction, $"DELETE FROM alert_ledger WHERE {KeyFilter};", cancellationToken, Key(key));
        }

        await transaction.CommitAsync(cancellationToken);
        return updated > 0;
    }

    public Task<bool> SetScopeAsync(ConversationKey key, AlertScope scope, CancellationToken cancellationToken) =>
        UpdateConversationAsync(key, "alert_scope = $value", scope.ToString(), cancellationToken);

    public Task<bool> SetLocaleOverrideAsync(ConversationKey key, string? locale, CancellationToken cancellationToken) =>
        UpdateConversationAsync(key, "locale_override = $value", locale, cancellationToken);

    public async Task<bool> RemoveAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await AlertDatabase.ExecuteAsync(connection, null, $"DELETE FROM conversation WHERE {KeyFilter};", cancellationToken, Key(key)) > 0;
    }

    public async Task<IReadOnlyList<TenantSubscriptions>> ListActiveByTenantAsync(CancellationToken cancellationToken)
    {
        var active = await QueryAsync(
            $"SELECT {ConversationColumns} FROM conversation WHERE active = 1 ORDER BY tenant_id, created_at_ms, rowid;", ReadSubscription, cancellationToken);
        return [.. active
            .GroupBy(s => s.Key.TenantId, StringComparer.OrdinalIgnoreCase)
            .Select(g => new TenantSubscriptions(g.Key, [.. g]))];
    }

    public async Task<AlertLedgerState> ReadAsync(ConversationKey key, CancellationToken cancellationToken) =>
        new(await QueryAsync($"""
            SELECT tenant_id, token_kind, token_id, track, problem_code, step, urgency, severity, recorded_at_ms, snoozed_until_ms
            FROM alert_ledger WHERE {KeyFilter}
            ORDER BY token_kind, token_id, track;
            """, ReadLedgerEntry, cancellationToken, Key(key)));

    public async Task<bool> CommitAsync(ConversationKey key, IReadOnlyList<LedgerChange> changes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        if (!await ApplyChangesAsync(connection, transaction, key, changes, cancellationToken)) return false;
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// The ledger write of a commit, inside the caller's transaction; false, with nothing written,
    /// when the conversation is no longer active.
    internal static async Task<bool> ApplyChangesAsync(
        SqliteConnection connection, SqliteTransaction transaction, ConversationKey key, IReadOnlyList<LedgerChange> changes, CancellationToken cancellationToken)
    {
        // Unsubscribed or removed while the check ran: its ledger was dropped and must stay empty.
        var active = await AlertDatabase.ScalarAsync<long?>(connection, transaction,
            $"SELECT active FROM conversation WHERE {KeyFilter};", cancellationToken, Key(key));
        if (active != 1) return false;

        foreach (var change in changes)
        {
            var finding = FindingParameters(change.Finding);
            switch (change)
            {
                case RecordStep step:
                    await AlertDatabase.ExecuteAsync(connection, transaction, """
                        INSERT INTO alert_ledger (tenant_id, conversation_id, token_kind, token_id, track, problem_code, step, urgency, severity, recorded_at_ms, snoozed_until_ms)
                        VALUES ($tenant, $conversation, $kind, $tokenId, $track, $code, $step, $urgency, $severity, $at, NULL)
                        ON CONFLICT (tenant_id, conversation_id, token_kind, token_id, track) DO UPDATE SET
                            problem_code     = excluded.problem_code,
                            step             = excluded.step,
                            urgency          = excluded.urgency,
                            severity         = excluded.severity,
                            recorded_at_ms   = excluded.recorded_at_ms,
                            snoozed_until_ms = CASE WHEN $endsSnooze THEN NULL ELSE snoozed_until_ms END;
                        """,
                        cancellationToken,
                        [.. Key(key), .. finding,
                            ("$code", step.Code.ToString()), ("$step", step.Step), ("$urgency", step.Urgency),
                            ("$severity", step.Severity.ToString()), ("$at", step.At.ToUnixTimeMilliseconds()), ("$endsSnooze", step.EndsSnooze)]);
                    break;
                case ForgetFinding:
                    await AlertDatabase.ExecuteAsync(connection, transaction,
                        $"DELETE FROM alert_ledger WHERE {KeyFilter} AND {FindingFilter};", cancellationToken, [.. Key(key), .. finding]);
                    break;
                default:
                    throw new ArgumentException($"Unknown ledger change {change.GetType().Name}.", nameof(changes));
            }
        }

        return true;
    }

    public async Task<int> SnoozeAsync(ConversationKey key, IReadOnlyCollection<FindingId> findings, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var snoozed = 0;
        // A finding key comes back from a card; one of another tenant is not this conversation's.
        foreach (var finding in findings.Distinct().Where(f => string.Equals(f.TenantId, key.TenantId, StringComparison.OrdinalIgnoreCase)))
        {
            snoozed += await AlertDatabase.ExecuteAsync(connection, transaction,
                $"UPDATE alert_ledger SET snoozed_until_ms = $until WHERE {KeyFilter} AND {FindingFilter};",
                cancellationToken, [.. Key(key), .. FindingParameters(finding), ("$until", until.ToUnixTimeMilliseconds())]);
        }

        await transaction.CommitAsync(cancellationToken);
        return snoozed;
    }

    private async Task<bool> UpdateConversationAsync(ConversationKey key, string assignment, string? value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await AlertDatabase.ExecuteAsync(connection, null,
            $"UPDATE conversation SET {assignment}, updated_at_ms = $now WHERE {KeyFilter};",
            cancellationToken, [.. Key(key), ("$value", value), Now()]) > 0;
    }

    private async Task<List<T>> QueryAsync<T>(
        string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = AlertDatabase.Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<T> rows = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// Reads a row selected with ConversationColumns, in that order.
    private static ConversationSubscription ReadSubscription(SqliteDataReader reader)
    {
        string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

        var conversation = new StoredConversation(
            TenantId: reader.GetString(0),
            ConversationId: reader.GetString(1),
            ConversationType: reader.GetString(2),
            ChannelId: reader.GetString(3),
            ServiceUrl: reader.GetString(4),
            BotId: reader.GetString(5),
            BotName: Text(6),
            UserId: Text(7),
            UserAadObjectId: Text(8),
            TeamId: Text(9),
            TeamChannelId: Text(10),
            Locale: Text(11),
            FromLocalMode: reader.GetBoolean(12));
        return new ConversationSubscription(
            conversation,
            Active: reader.GetBoolean(13),
            Scope: Enum.Parse<AlertScope>(reader.GetString(14)),
            LocaleOverride: Text(15),
            CreatedAt: FromUnixMs(reader.GetInt64(16)),
            UpdatedAt: FromUnixMs(reader.GetInt64(17)));
    }

    private static LedgerEntry ReadLedgerEntry(SqliteDataReader reader) => new(
        new FindingId(reader.GetString(0), Enum.Parse<TokenKind>(reader.GetString(1)), reader.GetString(2), reader.GetString(3)),
        Enum.Parse<ProblemCode>(reader.GetString(4)),
        reader.GetString(5),
        reader.GetInt32(6),
        Enum.Parse<HealthStatus>(reader.GetString(7)),
        FromUnixMs(reader.GetInt64(8)),
        reader.IsDBNull(9) ? null : FromUnixMs(reader.GetInt64(9)));

    private static (string Name, object? Value)[] Key(ConversationKey key) =>
        [("$tenant", key.TenantId), ("$conversation", key.ConversationId)];

    private static (string Name, object? Value)[] FindingParameters(FindingId finding) =>
        [("$kind", finding.TokenKind.ToString()), ("$tokenId", finding.TokenId), ("$track", finding.Track)];

    private (string Name, object? Value) Now() => ("$now", time.GetUtcNow().ToUnixTimeMilliseconds());

    private static DateTimeOffset FromUnixMs(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
