using AdeBot.Domain.Alerts;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;
using Npgsql;
using static AdeBot.Storage.PostgreSql.PostgreSqlDatabase;

namespace AdeBot.Storage.PostgreSql;

/// Subscriptions and the alert ledger in PostgreSQL, with the SQLite store's behaviour, for several
/// instances at once: "was it new?" comes from the same statement as the write, a commit locks its
/// conversation's row so an unsubscribe cannot slip between the check and the write, and nothing
/// is read first and written later.
public sealed class PostgreSqlAlertStore(PostgreSqlDatabase database, TimeProvider time) : IConversationStore
{
    private const string ConversationColumns = """
        tenant_id, conversation_id, conversation_type, channel_id, service_url, bot_id, bot_name, user_id,
        user_aad_object_id, team_id, team_channel_id, locale, from_local_mode, active, alert_scope,
        locale_override, created_at_ms, updated_at_ms
        """;

    private const string KeyFilter = "tenant_key = lower(@tenant) AND conversation_id = @conversation";

    private const string FindingFilter = "token_kind = @kind AND token_id = @tokenId AND track = @track";

    public async Task<ConversationUpsert> UpsertConversationAsync(StoredConversation conversation, bool subscribeIfNew, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One statement decides "was it new?" (xmax is 0 only on a row this statement inserted), so
        // of two instances announcing one install exactly one sees it created. A local turn never
        // redirects a reference an authenticated turn stored (its alerts go out with the bot's
        // token): the update is skipped, but the row stays locked, so the read below sees it.
        await using var command = Command(connection, transaction, $"""
            INSERT INTO conversation AS stored ({ConversationColumns})
            VALUES (@tenant, @conversation, @type, @channel, @serviceUrl, @botId, @botName, @userId,
                    @userAadObjectId, @teamId, @teamChannelId, @locale, @fromLocalMode, @active, @scope,
                    NULL, @now, @now)
            ON CONFLICT (tenant_key, conversation_id) DO UPDATE SET
                conversation_type  = excluded.conversation_type,
                channel_id         = excluded.channel_id,
                service_url        = excluded.service_url,
                bot_id             = excluded.bot_id,
                bot_name           = COALESCE(excluded.bot_name, stored.bot_name),
                user_id            = COALESCE(excluded.user_id, stored.user_id),
                user_aad_object_id = COALESCE(excluded.user_aad_object_id, stored.user_aad_object_id),
                team_id            = COALESCE(excluded.team_id, stored.team_id),
                team_channel_id    = COALESCE(excluded.team_channel_id, stored.team_channel_id),
                locale             = COALESCE(excluded.locale, stored.locale),
                from_local_mode    = excluded.from_local_mode,
                updated_at_ms      = excluded.updated_at_ms
            WHERE stored.from_local_mode OR NOT excluded.from_local_mode
            RETURNING {ConversationColumns}, xmax = 0;
            """,
            [
                .. Key(conversation.Key),
                P("type", conversation.ConversationType), P("channel", conversation.ChannelId), P("serviceUrl", conversation.ServiceUrl),
                P("botId", conversation.BotId), P("botName", conversation.BotName), P("userId", conversation.UserId),
                P("userAadObjectId", conversation.UserAadObjectId), P("teamId", conversation.TeamId), P("teamChannelId", conversation.TeamChannelId),
                P("locale", conversation.Locale), P("fromLocalMode", conversation.FromLocalMode), P("active", subscribeIfNew),
                P("scope", nameof(AlertScope.All)), Now(),
            ]);
        ConversationUpsert? upsert = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                upsert = new ConversationUpsert(ReadSubscription(reader), Created: reader.GetBoolean(18));
            }
        }

        if (upsert is null)
        {
            var kept = await QueryAsync(connection, transaction,
                $"SELECT {ConversationColumns} FROM conversation WHERE {KeyFilter};", ReadSubscription, cancellationToken, Key(conversation.Key));
            upsert = new ConversationUpsert(kept.Single(), Created: false);
        }

        await transaction.CommitAsync(cancellationToken);
        return upsert;
    }

    public async Task<ConversationSubscription?> GetAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await QueryAsync(connection, null, $"SELECT {ConversationColumns} FROM conversation WHERE {KeyFilter};", ReadSubscription, cancellationToken, Key(key));
        return found.SingleOrDefault();
    }

    public async Task<bool> SetActiveAsync(ConversationKey key, bool active, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The UPDATE locks the row, so a commit of another instance's check waits and then finds it inactive.
        var updated = await ExecuteAsync(connection, transaction,
            $"UPDATE conversation SET active = @active, updated_at_ms = @now WHERE {KeyFilter};",
            cancellationToken, [.. Key(key), P("active", active), Now()]);
        if (!active)
        {
            await ExecuteAsync(connection, transaction, $"DELETE FROM alert_ledger WHERE {KeyFilter};", cancellationToken, Key(key));
        }

        await transaction.CommitAsync(cancellationToken);
        return updated > 0;
    }

    public Task<bool> SetScopeAsync(ConversationKey key, AlertScope scope, CancellationToken cancellationToken) =>
        UpdateConversationAsync(key, "alert_scope = @value", scope.ToString(), cancellationToken);

    public Task<bool> SetLocaleOverrideAsync(ConversationKey key, string? locale, CancellationToken cancellationToken) =>
        UpdateConversationAsync(key, "locale_override = @value", locale, cancellationToken);

    public async Task<bool> RemoveAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null, $"DELETE FROM conversation WHERE {KeyFilter};", cancellationToken, Key(key)) > 0;
    }

    public async Task<IReadOnlyList<TenantSubscriptions>> ListActiveByTenantAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Ordered bytewise, as SQLite orders its NOCASE column, whatever the database's collation.
        var active = await QueryAsync(connection, null,
            $"SELECT {ConversationColumns} FROM conversation WHERE active ORDER BY tenant_key COLLATE \"C\", created_at_ms, seq;", ReadSubscription, cancellationToken);
        return [.. active
            .GroupBy(s => s.Key.TenantId, StringComparer.OrdinalIgnoreCase)
            .Select(g => new TenantSubscriptions(g.Key, [.. g]))];
    }

    public async Task<AlertLedgerState> ReadAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return new(await QueryAsync(connection, null, $"""
            SELECT tenant_id, token_kind, token_id, track, problem_code, step, urgency, severity, recorded_at_ms, snoozed_until_ms
            FROM alert_ledger WHERE {KeyFilter}
            ORDER BY token_kind COLLATE "C", token_id COLLATE "C", track COLLATE "C";
            """, ReadLedgerEntry, cancellationToken, Key(key)));
    }

    public async Task<bool> CommitAsync(ConversationKey key, IReadOnlyList<LedgerChange> changes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await ApplyChangesAsync(connection, transaction, key, changes, cancellationToken)) return false;
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// The ledger write of a commit, inside the caller's transaction; false, with nothing written,
    /// when the conversation is no longer active.
    internal static async Task<bool> ApplyChangesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ConversationKey key, IReadOnlyList<LedgerChange> changes, CancellationToken cancellationToken)
    {
        // Unsubscribed or removed while the check ran: its ledger was dropped and must stay empty.
        // FOR SHARE holds off an unsubscribe or removal by another instance until this commit is done.
        var active = await ScalarAsync<bool?>(connection, transaction,
            $"SELECT active FROM conversation WHERE {KeyFilter} FOR SHARE;", cancellationToken, Key(key));
        if (active != true) return false;

        foreach (var change in changes)
        {
            var finding = FindingParameters(change.Finding);
            switch (change)
            {
                case RecordStep step:
                    await ExecuteAsync(connection, transaction, """
                        INSERT INTO alert_ledger AS stored (tenant_id, conversation_id, token_kind, token_id, track, problem_code, step, urgency, severity, recorded_at_ms, snoozed_until_ms)
                        VALUES (@tenant, @conversation, @kind, @tokenId, @track, @code, @step, @urgency, @severity, @at, NULL)
                        ON CONFLICT (tenant_key, conversation_id, token_kind, token_id, track) DO UPDATE SET
                            problem_code     = excluded.problem_code,
                            step             = excluded.step,
                            urgency          = excluded.urgency,
                            severity         = excluded.severity,
                            recorded_at_ms   = excluded.recorded_at_ms,
                            snoozed_until_ms = CASE WHEN @endsSnooze THEN NULL ELSE stored.snoozed_until_ms END;
                        """,
                        cancellationToken,
                        [.. Key(key), .. finding,
                            P("code", step.Code.ToString()), P("step", step.Step), P("urgency", step.Urgency),
                            P("severity", step.Severity.ToString()), P("at", step.At.ToUnixTimeMilliseconds()), P("endsSnooze", step.EndsSnooze)]);
                    break;
                case ForgetFinding:
                    await ExecuteAsync(connection, transaction,
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
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var snoozed = 0;
        // A finding key comes back from a card; one of another tenant is not this conversation's.
        foreach (var finding in findings.Distinct().Where(f => string.Equals(f.TenantId, key.TenantId, StringComparison.OrdinalIgnoreCase)))
        {
            snoozed += await ExecuteAsync(connection, transaction,
                $"UPDATE alert_ledger SET snoozed_until_ms = @until WHERE {KeyFilter} AND {FindingFilter};",
                cancellationToken, [.. Key(key), .. FindingParameters(finding), P("until", until.ToUnixTimeMilliseconds())]);
        }

        await transaction.CommitAsync(cancellationToken);
        return snoozed;
    }

    private async Task<bool> UpdateConversationAsync(ConversationKey key, string assignment, string? value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null,
            $"UPDATE conversation SET {assignment}, updated_at_ms = @now WHERE {KeyFilter};",
            cancellationToken, [.. Key(key), P("value", value), Now()]) > 0;
    }

    private static async Task<List<T>> QueryAsync<T>(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken,
        params NpgsqlParameter[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<T> rows = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// Reads a row selected with ConversationColumns, in that order.
    private static ConversationSubscription ReadSubscription(NpgsqlDataReader reader)
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

    private static LedgerEntry ReadLedgerEntry(NpgsqlDataReader reader) => new(
        new FindingId(reader.GetString(0), Enum.Parse<TokenKind>(reader.GetString(1)), reader.GetString(2), reader.GetString(3)),
        Enum.Parse<ProblemCode>(reader.GetString(4)),
        reader.GetString(5),
        reader.GetInt32(6),
        Enum.Parse<HealthStatus>(reader.GetString(7)),
        FromUnixMs(reader.GetInt64(8)),
        reader.IsDBNull(9) ? null : FromUnixMs(reader.GetInt64(9)));

    private static NpgsqlParameter[] Key(ConversationKey key) =>
        [P("tenant", key.TenantId), P("conversation", key.ConversationId)];

    private static NpgsqlParameter[] FindingParameters(FindingId finding) =>
        [P("kind", finding.TokenKind.ToString()), P("tokenId", finding.TokenId), P("track", finding.Track)];

    private NpgsqlParameter Now() => P("now", time.GetUtcNow().ToUnixTimeMilliseconds());

    private static DateTimeOffset FromUnixMs(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
