using AdeBot.Domain.Alerts;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;
using AdeBot.Testing;

namespace AdeBot.Domain.Tests.Conversation;

/// What a conversation's context keeps after each kind of answer, and when it is forgotten.
public sealed class ConversationContextTests
{
    private static readonly ConversationKey Key = new("contoso", "a:1");
    private static readonly DateTimeOffset Start = TestClock.Start;
    private static readonly ConversationSubject Tampere = ConversationSubject.Token(TokenKind.Ade, "tampere");
    private static readonly ConversationSubject Oulu = ConversationSubject.Token(TokenKind.Ade, "oulu");
    private static readonly ConversationSubject Ipad = ConversationSubject.Device("DMPXK2ABCD19");

    [Theory]
    [InlineData(0, false)]
    [InlineData(59, false)]
    [InlineData(60, true)]
    [InlineData(600, true)]
    public void A_context_is_forgotten_after_the_idle_time(int minutesLater, bool expired)
    {
        var context = ConversationContext.Empty(Key, Start);

        Assert.Equal(expired, context.IsExpired(Start.AddMinutes(minutesLater), TimeSpan.FromMinutes(60)));
    }

    [Fact]
    public void A_list_has_no_current_subject_until_one_is_chosen_and_keeps_its_order()
    {
        var listed = ConversationContext.Empty(Key, Start).Listed([Tampere, Oulu, Tampere], Start.AddMinutes(1));

        var chosen = listed.FocusedOn(Oulu, problem: null, Start.AddMinutes(2));

        Assert.Equal([Tampere, Oulu], listed.Subjects);
        Assert.Null(listed.CurrentSubject());
        Assert.Equal(Oulu, chosen.CurrentSubject());
        Assert.Equal([Tampere, Oulu], chosen.Subjects);
        Assert.Equal(Start.AddMinutes(2), chosen.TouchedAt);
    }

    [Fact]
    public void An_answer_about_one_subject_keeps_its_problem_and_drops_another_subjects()
    {
        var problem = new ExplainedProblem(Tampere, "expiringSoon", RemediationTopic.AdeExpiring);
        var onTampere = ConversationContext.Empty(Key, Start).FocusedOn(Tampere, problem, Start);

        var againTampere = onTampere.FocusedOn(Tampere, problem: null, Start.AddMinutes(1));
        var onIpad = onTampere.FocusedOn(Ipad, problem: null, Start.AddMinutes(2));

        Assert.Equal(problem, againTampere.Problem);
        Assert.Null(onIpad.Problem);
        Assert.Equal([Ipad], onIpad.Subjects);
    }

    [Fact]
    public void An_answer_clears_the_question_that_was_waiting()
    {
        var asking = ConversationContext.Empty(Key, Start)
            .Asking(new PendingQuestion(PendingQuestionKind.WhichToken, FollowUpKind.HowToFix, [Tampere, Oulu]), Start);

        Assert.NotNull(asking.Pending);
        Assert.Null(asking.FocusedOn(Oulu, problem: null, Start).Pending);
        Assert.Null(asking.Listed([Tampere], Start).Pending);
    }
}
