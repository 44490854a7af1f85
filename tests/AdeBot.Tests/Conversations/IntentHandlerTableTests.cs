using AdeBot.Conversations.Intents;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Conversation;

namespace AdeBot.Tests.Conversations;

/// The engine routes each recognized intent to one handler; these keep that table whole.
public sealed class IntentHandlerTableTests(SampleBotHost host) : IClassFixture<SampleBotHost>
{
    public static TheoryData<IntentKind> AnsweredKinds => [.. Enum.GetValues<IntentKind>().Where(k => k != IntentKind.Unknown)];

    [Theory]
    [MemberData(nameof(AnsweredKinds))]
    public void Every_intent_the_recognizer_can_return_has_exactly_one_handler(IntentKind kind)
    {
        var handlers = host.Get<IEnumerable<IIntentHandler>>();

        Assert.Single(handlers, h => h.Kinds.Contains(kind));
    }

    [Fact]
    public void Unknown_has_no_handler_so_it_gets_the_suggestions_reply()
    {
        Assert.DoesNotContain(host.Get<IEnumerable<IIntentHandler>>(), h => h.Kinds.Contains(IntentKind.Unknown));
    }

    [Fact]
    public void Two_handlers_for_one_intent_are_refused_naming_both()
    {
        var composer = host.Get<CardComposer>();

        var error = Assert.Throws<InvalidOperationException>(() =>
            new IntentHandlers([new SmallTalkIntentHandler(composer), new SmallTalkIntentHandler(composer)]));

        Assert.Equal("Intent Help has two handlers: SmallTalkIntentHandler and SmallTalkIntentHandler.", error.Message);
    }
}
