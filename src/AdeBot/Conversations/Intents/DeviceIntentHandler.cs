using AdeBot.Domain.Cards;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Health;
using AdeBot.Telemetry;

namespace AdeBot.Conversations.Intents;

/// "Why isn't C02ZP4MNQR13 enrolling?": the device card. Without a serial it asks for one, and the
/// next message answers it; what is not a serial gets a reply saying what a serial looks like.
public sealed class DeviceIntentHandler(DeviceReplies devices, TenantHealthReader reader, CardComposer composer, PendingDeviceQuestions pending) : IIntentHandler
{
    public IReadOnlyCollection<IntentKind> Kinds { get; } = [IntentKind.DeviceDiagnosis];

    public async Task HandleAsync(ChatTurn turn, RecognizedIntent intent, CancellationToken cancellationToken)
    {
        var key = turn.Conversation.Key;
        if (intent.SerialNumber is not { } serial)
        {
            pending.Ask(key);
            await turn.SayAsync(intent.NotSerial is { } given ? ChatReplies.NotASerial(given, turn.Culture) : ChatReplies.WhichDevice(turn.Culture), cancellationToken);
            return;
        }

        pending.Clear(key);
        TurnRecord.Current?.Concerns(serial);
        // A token named like a serial ("ABM2024HEL01") is the token, not a device.
        var read = await reader.ReadAsync(turn.Conversation, forceRefresh: false, cancellationToken);
        if (read.Succeeded && TokenNamed(read.Health, serial) is { } token)
        {
            await turn.ShowAsync(composer.ComposeTokenDetails(read.Health, token, read.Context), cancellationToken);
            return;
        }
        await devices.PostAsync(turn, serial, cancellationToken);
    }

    private static TokenHealth? TokenNamed(TenantHealth health, string serial) =>
        health.Tokens.FirstOrDefault(t => string.Equals(new string([.. t.Name.Where(char.IsLetterOrDigit)]), serial, StringComparison.OrdinalIgnoreCase));
}
