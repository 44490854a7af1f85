using AdeBot.Domain.Alerts;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;
using static AdeBot.Storage.Tests.TestStorage;

namespace AdeBot.Storage.Tests;

/// Conversation contexts on a real database: what one process remembered the next one reads,
/// each channel thread has its own, and old ones are trimmed.
public abstract class ConversationContextStoreTests(TestStorage storage) : StoreTests(storage)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ConversationKey Personal = new("contoso", "a:personal-1");
    private static readonly ConversationKey Thread1 = new("contoso", "19:channel@thread.tacv2;messageid=1");
    private static readonly ConversationKey Thread2 = new("contoso", "19:channel@thread.tacv2;messageid=2");

    private IConversationContextStore NewStore() => _db.NewConversationContextStore();

    private static ConversationContext Full(ConversationKey key, DateTimeOffset at)
    {
        var tampere = ConversationSubject.Token(TokenKind.Ade, "0b8f6c1e-0003");
        var device = ConversationSubject.Device("DMPXK2ABCD19");
        return new ConversationContext(key,
            [tampere, ConversationSubject.Token(TokenKind.Apns, "apns-1"), device],
            tampere,
            new ExplainedProblem(tampere, "expiringSoon", RemediationTopic.AdeExpiring),
            new PendingQuestion(PendingQuestionKind.WhichToken, FollowUpKind.HowToFix, [tampere, ConversationSubject.Token(TokenKind.Vpp, "vpp-2")]),
            at);
    }

    [Fact]
    public async Task A_saved_context_is_read_back_whole_by_the_next_process()
    {
        var saved = Full(Personal, Start);

        await NewStore().SaveAsync(saved, None);
        var read = await NewStore().GetAsync(Personal, None);

        Assert.NotNull(read);
        Assert.Equal(saved.Subjects, read.Subjects);
        Assert.Equal(saved.Focus, read.Focus);
        Assert.Equal(saved.Problem, read.Problem);
        Assert.Equal(saved.Pending!.Kind, read.Pending!.Kind);
        Assert.Equal(saved.Pending.Then, read.Pending.Then);
        Assert.Equal(saved.Pending.Candidates, read.Pending.Candidates);
        Assert.Equal(saved.TouchedAt, read.TouchedAt);
        Assert.Equal(Personal, read.Key);
    }

    [Fact]
    public async Task Saving_again_replaces_the_context()
    {
        var store = NewStore();
        await store.SaveAsync(Full(Personal, Start), None);

        await store.SaveAsync(ConversationContext.Empty(Personal, Start.AddMinutes(5)), None);
        var read = await store.GetAsync(Personal, None);

        Assert.Empty(read!.Subjects);
        Assert.Null(read.Problem);
        Assert.Null(read.Pending);
        Assert.Equal(Start.AddMinutes(5), read.TouchedAt);
    }

    [Fact]
    public async Task Two_threads_of_a_channel_each_keep_their_own_context()
    {
        var store = NewStore();
        await store.SaveAsync(Full(Thread1, Start), None);

        var other = await store.GetAsync(Thread2, None);
        await store.ForgetAsync(Thread2, None);

        Assert.Null(other);
        Assert.NotNull(await store.GetAsync(Thread1, None));
    }

    [Fact]
    public async Task The_tenant_id_is_matched_in_any_case()
    {
        var store = NewStore();
        await store.SaveAsync(Full(Personal, Start), None);

        var read = await store.GetAsync(Personal with { TenantId = "CONTOSO" }, None);

        Assert.NotNull(read);
    }

    [Fact]
    public async Task Trim_drops_only_the_contexts_touched_before_the_cutoff()
    {
        var store = NewStore();
        await store.SaveAsync(Full(Personal, Start), None);
        await store.SaveAsync(Full(Thread1, Start.AddMinutes(61)), None);

        var trimmed = await store.TrimAsync(Start.AddMinutes(60), None);

        Assert.Equal(1, trimmed);
        Assert.Null(await store.GetAsync(Personal, None));
        Assert.NotNull(await store.GetAsync(Thread1, None));
    }

    [Fact]
    public async Task A_row_this_AdeBot_cannot_read_is_no_context()
    {
        await NewStore().SaveAsync(Full(Personal, Start), None);
        await _db.ExecuteRawAsync("""UPDATE conversation_context SET context = '{"subjects":[{"kind":"planet","id":"x"}]}';""");

        Assert.Null(await NewStore().GetAsync(Personal, None));
    }
}

public sealed class SqliteConversationContextStoreTests() : ConversationContextStoreTests(new TempDatabase());

public sealed class PostgreSqlConversationContextStoreTests() : ConversationContextStoreTests(new TempPostgreSqlDatabase());
