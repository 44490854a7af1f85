using AdeBot.Domain.Conversation;

namespace AdeBot.Domain.Tests.Conversation;

/// Follow-ups in the admin's own words, per language: what each asks about its subject and how it
/// names it (a name as typed, a position in the last answer, or "it"). And what stays a question of its own.
public sealed class FollowUpRecognitionTests
{
    private static readonly IntentRecognizer Recognizer = new();

    // text, what it asks, the name it gives (or null), the position it gives (or null)
    public static TheoryData<string, FollowUpKind, string?, int?> English => new()
    {
        { "and Tailspin?", FollowUpKind.About, "Tailspin", null },
        { "And Tampere?", FollowUpKind.About, "Tampere", null },
        { "what about the VPP token?", FollowUpKind.About, "VPP", null },
        { "how about Contoso ABM Oulu", FollowUpKind.About, "Contoso ABM Oulu", null },
        { "and the push certificate?", FollowUpKind.About, "push", null },
        { "the second one", FollowUpKind.About, null, 2 },
        { "the 2nd one?", FollowUpKind.About, null, 2 },
        { "and the last one?", FollowUpKind.About, null, -1 },
        { "first", FollowUpKind.About, null, 1 },
        { "that one", FollowUpKind.About, null, null },
        { "this one please", FollowUpKind.About, null, null },
        { "the school one", FollowUpKind.About, "school", null },
        { "why?", FollowUpKind.Why, null, null },
        { "Why", FollowUpKind.Why, null, null },
        { "why is that?", FollowUpKind.Why, null, null },
        { "how come?", FollowUpKind.Why, null, null },
        { "what's wrong with it?", FollowUpKind.Why, null, null },
        { "why Tampere?", FollowUpKind.Why, "Tampere", null },
        { "how do I fix it?", FollowUpKind.HowToFix, null, null },
        { "how do i fix that", FollowUpKind.HowToFix, null, null },
        { "how can I fix this?", FollowUpKind.HowToFix, null, null },
        { "what should I do?", FollowUpKind.HowToFix, null, null },
        { "what do I do now?", FollowUpKind.HowToFix, null, null },
        { "what can I do?", FollowUpKind.HowToFix, null, null },
        { "how do I fix the second one?", FollowUpKind.HowToFix, null, 2 },
        { "how do I fix Tampere?", FollowUpKind.HowToFix, "Tampere", null },
        { "is it fixed now?", FollowUpKind.IsFixed, null, null },
        { "is it fixed?", FollowUpKind.IsFixed, null, null },
        { "is it ok now?", FollowUpKind.IsFixed, null, null },
        { "did it work?", FollowUpKind.IsFixed, null, null },
        { "is Tampere fixed now?", FollowUpKind.IsFixed, "Tampere", null },
    };

    public static TheoryData<string, FollowUpKind, string?, int?> Finnish => new()
    {
        { "entä Tailspin?", FollowUpKind.About, "Tailspin", null },
        { "entäs Tampere?", FollowUpKind.About, "Tampere", null },
        { "entä VPP-tunnus?", FollowUpKind.About, "VPP", null },
        { "mites Oulu?", FollowUpKind.About, "Oulu", null },
        { "toinen", FollowUpKind.About, null, 2 },
        { "entä kolmas?", FollowUpKind.About, null, 3 },
        { "viimeinen", FollowUpKind.About, null, -1 },
        { "tuo", FollowUpKind.About, null, null },
        { "miksi?", FollowUpKind.Why, null, null },
        { "mistä se johtuu?", FollowUpKind.Why, null, null },
        { "miten korjaan sen?", FollowUpKind.HowToFix, null, null },
        { "miten se korjataan?", FollowUpKind.HowToFix, null, null },
        { "mitä minun pitäisi tehdä?", FollowUpKind.HowToFix, null, null },
        { "mitä teen?", FollowUpKind.HowToFix, null, null },
        { "miten korjaan Tampereen?", FollowUpKind.HowToFix, "Tampereen", null },
        { "onko se nyt korjattu?", FollowUpKind.IsFixed, null, null },
        { "onko se jo kunnossa?", FollowUpKind.IsFixed, null, null },
        { "korjaantuiko se?", FollowUpKind.IsFixed, null, null },
    };

    public static TheoryData<string, FollowUpKind, string?, int?> Ukrainian => new()
    {
        { "а Tailspin?", FollowUpKind.About, "Tailspin", null },
        { "а Тампере?", FollowUpKind.About, "Тампере", null },
        { "а як щодо VPP-маркера?", FollowUpKind.About, "VPP", null },
        { "що з Oulu?", FollowUpKind.About, "Oulu", null },
        { "другий", FollowUpKind.About, null, 2 },
        { "а третій?", FollowUpKind.About, null, 3 },
        { "останній", FollowUpKind.About, null, -1 },
        { "той", FollowUpKind.About, null, null },
        { "чому?", FollowUpKind.Why, null, null },
        { "в чому причина?", FollowUpKind.Why, null, null },
        { "як це виправити?", FollowUpKind.HowToFix, null, null },
        { "як виправити?", FollowUpKind.HowToFix, null, null },
        { "що робити?", FollowUpKind.HowToFix, null, null },
        { "що мені робити?", FollowUpKind.HowToFix, null, null },
        { "чи це вже виправлено?", FollowUpKind.IsFixed, null, null },
        { "чи вже працює?", FollowUpKind.IsFixed, null, null },
        { "чи він тепер в порядку?", FollowUpKind.IsFixed, null, null },
    };

    [Theory]
    [MemberData(nameof(English))]
    [MemberData(nameof(Finnish))]
    [MemberData(nameof(Ukrainian))]
    public void A_follow_up_is_read_with_what_it_asks_and_how_it_names_its_subject(string text, FollowUpKind asks, string? name, int? position)
    {
        var intent = Recognizer.Recognize(text);

        Assert.Equal((IntentKind.FollowUp, asks, name, position), (intent.Kind, intent.FollowUp, intent.TokenName, intent.Ordinal));
    }

    // Questions of their own that share a follow-up's words.
    [Theory]
    [InlineData("and what expires soon?", IntentKind.ExpiringSoon)]
    [InlineData("is everything ok now?", IntentKind.Health)]
    [InlineData("how do I fix an expired token?", IntentKind.ExplainError)]
    [InlineData("what does error 3 mean?", IntentKind.ExplainError)]
    [InlineData("and DMPXK2ABCD19?", IntentKind.DeviceDiagnosis)]
    [InlineData("entä DMPXK2ABCD19?", IntentKind.DeviceDiagnosis)]
    [InlineData("а DMPXK2ABCD19?", IntentKind.DeviceDiagnosis)]
    [InlineData("help me fix it", IntentKind.Help)]
    [InlineData("thanks, that's it", IntentKind.Thanks)]
    [InlineData("what can you do?", IntentKind.Help)]
    [InlineData("and subscribe me to alerts", IntentKind.Subscribe)]
    [InlineData("miten korjaan vanhentuneen tunnuksen?", IntentKind.ExplainError)]
    [InlineData("як виправити помилку синхронізації?", IntentKind.ExplainError)]
    [InlineData("what is the weather like?", IntentKind.Unknown)]
    [InlineData("entä sää?", IntentKind.Unknown)]
    public void A_question_of_its_own_is_not_read_as_a_follow_up(string text, IntentKind expected)
    {
        Assert.Equal(expected, Recognizer.Recognize(text).Kind);
    }
}
