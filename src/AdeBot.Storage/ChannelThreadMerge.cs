namespace AdeBot.Storage;

/// Teams appends `;messageid=<root>` to a channel's id in a thread, and conversations used to be
/// stored under that id: one row (and one alert) per thread. This step folds every channel's rows
/// into one under the channel's own id, the id the bot now keys them by.
/// - conversation: one row per tenant and channel survives. An active row wins over an inactive
///   one (a merge must not silently stop a channel's alerts), then the most recently updated.
/// - alert_ledger: per finding, the most recently recorded entry survives, with the latest
///   snooze any of the threads set.
/// - inbox: lanes are rewritten to the channel; the payload keeps the thread, so a waiting turn
///   is still answered in its thread.
/// - audit: rewritten too, so the trail of a channel reads as one conversation before and after
///   the upgrade; which thread a question came from was never something the trail promised.
internal static class ChannelThreadMerge
{
    private const string ChannelOf = """
        CASE WHEN instr(lower({0}), ';messageid=') > 1
             THEN substr({0}, 1, instr(lower({0}), ';messageid=') - 1)
             ELSE {0} END
        """;

    public static string Sql { get; } = $"""
        CREATE TEMP TABLE thread_merge_conversation (
            tenant_id               TEXT    NOT NULL COLLATE NOCASE,
            conversation_id         TEXT    NOT NULL,
            channel_conversation_id TEXT    NOT NULL,
            keep                    INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, conversation_id)
        );

        -- Every row of a channel that has at least one thread row, the channel's own row included.
        INSERT INTO thread_merge_conversation (tenant_id, conversation_id, channel_conversation_id, keep)
        SELECT tenant_id, conversation_id, channel_conversation_id,
               ROW_NUMBER() OVER (
                   PARTITION BY tenant_id COLLATE NOCASE, channel_conversation_id
                   ORDER BY active DESC, updated_at_ms DESC, conversation_id = channel_conversation_id DESC, conversation_id) = 1
        FROM (SELECT c.*, {string.Format(ChannelOf, "c.conversation_id")} AS channel_conversation_id FROM conversation c) keyed
        WHERE EXISTS (
            SELECT 1 FROM conversation thread
            WHERE thread.tenant_id = keyed.tenant_id
              AND instr(lower(thread.conversation_id), ';messageid=') > 1
              AND {string.Format(ChannelOf, "thread.conversation_id")} = keyed.channel_conversation_id);

        CREATE TEMP TABLE thread_merge_ledger AS
        SELECT tenant_id, conversation_id, token_kind, token_id, track, problem_code, step, urgency, severity,
               recorded_at_ms, snoozed_until_ms
        FROM (
            -- Under the surviving row's spelling of the tenant (tenant ids compare without case).
            SELECT (SELECT kept.tenant_id FROM thread_merge_conversation kept
                    WHERE kept.tenant_id = m.tenant_id AND kept.channel_conversation_id = m.channel_conversation_id AND kept.keep = 1) AS tenant_id,
                   m.channel_conversation_id AS conversation_id, l.token_kind, l.token_id, l.track,
                   l.problem_code, l.step, l.urgency, l.severity, l.recorded_at_ms,
                   MAX(l.snoozed_until_ms) OVER finding AS snoozed_until_ms,
                   ROW_NUMBER() OVER (finding ORDER BY l.recorded_at_ms DESC, m.keep DESC) AS newest
            FROM alert_ledger l
            JOIN thread_merge_conversation m ON m.tenant_id = l.tenant_id AND m.conversation_id = l.conversation_id
            WINDOW finding AS (PARTITION BY m.tenant_id COLLATE NOCASE, m.channel_conversation_id, l.token_kind, l.token_id, l.track)
        )
        WHERE newest = 1;

        DELETE FROM alert_ledger
        WHERE EXISTS (SELECT 1 FROM thread_merge_conversation m WHERE m.tenant_id = alert_ledger.tenant_id AND m.conversation_id = alert_ledger.conversation_id);

        DELETE FROM conversation
        WHERE EXISTS (SELECT 1 FROM thread_merge_conversation m
                      WHERE m.tenant_id = conversation.tenant_id AND m.conversation_id = conversation.conversation_id AND m.keep = 0);

        UPDATE conversation
        SET conversation_id = (SELECT m.channel_conversation_id FROM thread_merge_conversation m
                               WHERE m.tenant_id = conversation.tenant_id AND m.conversation_id = conversation.conversation_id)
        WHERE EXISTS (SELECT 1 FROM thread_merge_conversation m
                      WHERE m.tenant_id = conversation.tenant_id AND m.conversation_id = conversation.conversation_id
                        AND m.keep = 1 AND m.conversation_id <> m.channel_conversation_id);

        INSERT INTO alert_ledger (tenant_id, conversation_id, token_kind, token_id, track, problem_code, step, urgency, severity,
                                  recorded_at_ms, snoozed_until_ms)
        SELECT tenant_id, conversation_id, token_kind, token_id, track, problem_code, step, urgency, severity,
               recorded_at_ms, snoozed_until_ms
        FROM thread_merge_ledger;

        DROP TABLE thread_merge_ledger;
        DROP TABLE thread_merge_conversation;

        -- An activity redelivered into two threads' lanes (the same activity id) stays stored once.
        UPDATE OR IGNORE inbox
        SET conversation_key = {string.Format(ChannelOf, "conversation_key")}
        WHERE instr(lower(conversation_key), ';messageid=') > 1;

        UPDATE audit
        SET conversation_id = {string.Format(ChannelOf, "conversation_id")}
        WHERE instr(lower(conversation_id), ';messageid=') > 1;
        """;
}
