using System.Globalization;
using AdeBot.Connector;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards.Model;
using AdeBot.Teams;

namespace AdeBot.Conversations;

/// The conversation a turn is served in, once the access rules let it in and it is remembered:
/// its key, the activity being answered, the language to answer in and its alert settings.
/// `IsNew`: this turn created it (an install greets only then).
public sealed record ServedConversation(ConversationKey Key, Activity Inbound, CultureInfo Culture, bool IsNew, bool Subscribed, AlertScope Scope)
{
    /// The key of what this conversation is talking about (ConversationMemory): in a channel, the
    /// thread's own id, since each thread is its own discussion, while `Key` is the channel's.
    public ConversationKey ContextKey => new(Key.TenantId, Inbound.Conversation?.Id ?? Key.ConversationId);
}

/// One turn's way of answering in its conversation: every reply is built by OutgoingActivities
/// and goes to the turn's reply sink (the connector in Teams, a list for `ask`).
public sealed class ChatTurn(ServedConversation conversation, IReplySink replies)
{
    public ServedConversation Conversation { get; } = conversation;

    public CultureInfo Culture => Conversation.Culture;

    public Task SayAsync(string text, CancellationToken cancellationToken) =>
        replies.SendAsync(OutgoingActivities.Text(Conversation.Inbound, text), cancellationToken);

    public Task ShowAsync(AdaptiveCard card, CancellationToken cancellationToken, string? summary = null) =>
        replies.SendAsync(OutgoingActivities.Card(Conversation.Inbound, card, summary), cancellationToken);

    public Task TypingAsync(CancellationToken cancellationToken) =>
        replies.SendAsync(OutgoingActivities.Typing(Conversation.Inbound), cancellationToken);
}
