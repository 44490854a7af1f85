using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using AdeBot.Conversations.Memory;
using AdeBot.Devices;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Devices;
using AdeBot.Teams;

namespace AdeBot.Conversations;

/// A device diagnosis of a conversation's tenant as a card, or the text that says why there is none.
public sealed record DeviceRead(DeviceDiagnosis? Diagnosis, CardContext Context, string? FailureText)
{
    [MemberNotNullWhen(true, nameof(Diagnosis))]
    [MemberNotNullWhen(false, nameof(FailureText))]
    public bool Succeeded => Diagnosis is not null;
}

/// The device answer in chat, shared by the question and the card's "Check again". A device is
/// looked up only in the asking conversation's own tenant.
public sealed class DeviceReplies(DeviceDiagnoses diagnoses, CardComposer composer, FailureReplies failures, ConversationTopics topics)
{
    public async Task<DeviceRead> ReadAsync(ServedConversation conversation, string serialNumber, bool forceRefresh, CancellationToken cancellationToken)
    {
        var answer = await diagnoses.DiagnoseAsync(conversation.Key.TenantId, serialNumber, forceRefresh, cancellationToken);
        var context = new CardContext(conversation.Culture) { IsStale = answer.Lookup.Tokens.IsStale };
        return answer.Diagnosis is { } diagnosis
            ? new DeviceRead(diagnosis, context, null)
            : new DeviceRead(null, context, failures.ForInventoryFailure(answer.Lookup.Failure, conversation.Culture));
    }

    public AdeBot.Domain.Cards.Model.AdaptiveCard Compose(DeviceRead read) => composer.ComposeDevice(read.Diagnosis!, read.Context);

    /// Posts the device card (with a typing indicator while Graph is read) or the failure text.
    public async Task PostAsync(ChatTurn turn, string serialNumber, CancellationToken cancellationToken)
    {
        await turn.TypingAsync(cancellationToken);
        var read = await ReadAsync(turn.Conversation, serialNumber, forceRefresh: false, cancellationToken);
        if (!read.Succeeded)
        {
            await turn.SayAsync(read.FailureText, cancellationToken);
            return;
        }
        await turn.ShowAsync(composer.ComposeDevice(read.Diagnosis, read.Context), cancellationToken, composer.DeviceSummary(read.Diagnosis, turn.Culture));
        await topics.DeviceAsync(turn, read.Diagnosis, cancellationToken);
    }
}

/// Conversations that were just asked "which device?": their next message answers it, so text
/// that is not otherwise understood is read as the device named (and gets the "not a serial"
/// reply). Kept in memory for a few minutes: losing it on a restart only means the next message
/// is read as it stands.
public sealed class PendingDeviceQuestions(TimeProvider time)
{
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromMinutes(15);

    /// Longer texts are a new question, not an answer to "which device?".
    private const int MaxAnswerLength = 60;

    private readonly ConcurrentDictionary<ConversationKey, DateTimeOffset> _asked = new();

    public void Ask(ConversationKey conversation) => _asked[conversation] = time.GetUtcNow();

    public void Clear(ConversationKey conversation) => _asked.TryRemove(conversation, out _);

    /// The intent to answer, given that the conversation may be waiting for a serial.
    public RecognizedIntent Follow(ConversationKey conversation, RecognizedIntent intent, string? text)
    {
        if (!_asked.TryGetValue(conversation, out var askedAt)) return intent;
        if (time.GetUtcNow() - askedAt > AnswerWithin)
        {
            Clear(conversation);
            return intent;
        }
        var answer = text?.Trim() is { Length: > 0 and <= MaxAnswerLength } shortText ? shortText : null;
        // "Anna's iPad" names a device, but not by its serial.
        if (intent.Kind == IntentKind.DeviceDiagnosis)
        {
            return intent is { SerialNumber: null, NotSerial: null } && answer is not null ? intent with { NotSerial = answer } : intent;
        }
        if (intent.Kind == IntentKind.Unknown && answer is not null)
        {
            return new RecognizedIntent(IntentKind.DeviceDiagnosis, NotSerial: answer, Confidence: 0.6);
        }
        // "Thanks" or "hi" in between does not change the question; anything else does.
        if (intent.Kind is not (IntentKind.Thanks or IntentKind.Greeting)) Clear(conversation);
        return intent;
    }
}
