using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AdeBot.Connector;
using AdeBot.Conversations;
using AdeBot.Conversations.CardActions;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Inbox;
using AdeBot.Domain.Localization;
using AdeBot.Inbox;
using AdeBot.Telemetry;

namespace AdeBot.Teams;

/// Connects the Bot Connector endpoint to the conversation engine. Messages and installs are
/// recorded in the durable inbox before the channel is answered and handled from there (Graph may
/// take longer than the channel waits, and nothing answered 200 may be lost); card clicks and
/// uninstalls are handled at once.
public sealed partial class TeamsActivityHandler(
    ConversationEngine engine,
    FailureReplies failures,
    ActivityInbox inbox,
    ConnectorClientFactory connectors,
    TurnTelemetry turns,
    TurnOrigins origins,
    TimeProvider time,
    ILogger<TeamsActivityHandler> logger) : IBotActivityHandler, IInboxProcessor
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    /// Teams announces an install twice, and only the installationUpdate carries the user's locale.
    /// Whichever is handled first sends the welcome, so the locale-less one waits this long and
    /// finds the conversation already greeted, in the user's language.
    public static readonly TimeSpan InstallLocaleGrace = TimeSpan.FromSeconds(2);

    public async Task<InvokeResponse?> OnActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!turn.IsLocalAnonymous && !Channels.IsTeams(activity))
        {
            // AdeBot is a Teams bot. The Bot Connector also signs Web Chat and Direct Line traffic,
            // whose clients write their own channelData; such activities are acknowledged, never served.
            Log.OtherChannelIgnored(logger, LogSanitizer.Clean(activity.ChannelId), LogSanitizer.Clean(activity.Type));
            return activity.IsType(ActivityTypes.Invoke) ? new InvokeResponse(StatusCodes.Status200OK) : null;
        }
        if (activity.IsType(ActivityTypes.Message))
        {
            await AcceptAsync(turn, InboxWorkKind.Message, TimeSpan.Zero, cancellationToken);
        }
        else if (activity.IsType(ActivityTypes.Invoke) && activity.Name == AdaptiveCardActionInvoke)
        {
            var inbound = new InboundTurn(activity, turn.IsLocalAnonymous);
            await using var observed = turns.Begin(activity, TurnActivityTypes.Invoke);
            return await AnswerCardActionAsync(inbound, new ConnectorReplySink(turn, logger), cancellationToken);
        }
        else if (IsInstall(activity))
        {
            await AcceptAsync(turn, InboxWorkKind.Install, string.IsNullOrEmpty(activity.Locale) ? InstallLocaleGrace : TimeSpan.Zero, cancellationToken);
        }
        else if (IsUninstall(activity))
        {
            await using var observed = turns.Begin(activity, TurnActivityTypes.Uninstall);
            await engine.HandleUninstallAsync(new InboundTurn(activity, turn.IsLocalAnonymous), cancellationToken);
        }
        // Everything else (reactions, edits, Teams events we do not use) is acknowledged with 200.
        return null;
    }

    public async Task ProcessAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        var origin = origins.Take(entry.Id);
        if (Resume(entry) is not { } turn) return;
        await using var observed = turns.Begin(turn.Activity, entry.Kind == InboxWorkKind.Install ? TurnActivityTypes.Install : TurnActivityTypes.Message, origin);
        var inbound = new InboundTurn(turn.Activity, turn.IsLocalAnonymous);
        var replies = new ConnectorReplySink(turn, logger);
        try
        {
            await (entry.Kind == InboxWorkKind.Install
                ? engine.HandleInstallAsync(inbound, replies, cancellationToken)
                : engine.HandleMessageAsync(inbound, replies, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await replies.SendAsync(OutgoingActivities.Text(turn.Activity, ErrorReplyFor(ex, entry.Kind.ToString(), turn.Activity)), cancellationToken);
        }
    }

    public async Task ReportInterruptedAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        origins.Take(entry.Id);
        if (Resume(entry) is not { } turn) return;
        await using var observed = turns.Begin(turn.Activity, entry.Kind == InboxWorkKind.Install ? TurnActivityTypes.Install : TurnActivityTypes.Message);
        observed.Record.End(TurnOutcome.Interrupted);
        var text = ChatReplies.Interrupted(SupportedCultures.Resolve(turn.Activity.Locale));
        await new ConnectorReplySink(turn, logger).SendAsync(OutgoingActivities.Text(turn.Activity, text), cancellationToken);
    }

    private async Task AcceptAsync(TurnContext turn, InboxWorkKind kind, TimeSpan delay, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var tenantId = ConversationReference.TenantOf(activity) ?? "";
        var now = time.GetUtcNow();
        // The turn's id is given here, so the accept and the turn in the background log under one id.
        var origin = TurnOrigin.New();
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["TurnId"] = origin.TurnId });
        await inbox.AcceptAsync(origin, new NewInboxEntry(
            tenantId,
            // Keyed by channel, not thread: turns of one channel are answered in order.
            $"{tenantId}/{ConversationReferences.KeyIdOf(activity)}",
            kind,
            JsonSerializer.Serialize(activity, ConnectorJson.Options),
            turn.IsLocalAnonymous,
            ReceivedAt: now,
            NotBefore: now + delay,
            DedupeKey: activity.Id,
            CoalesceKey: kind == InboxWorkKind.Message ? QuestionKeyOf(activity) : null), cancellationToken);
    }

    /// The same words (or the same card data) asked again before the first was answered get one
    /// answer. The thread is part of the question: the inbox lane is the whole channel, and the
    /// same question asked in another thread is answered there too.
    private static string? QuestionKeyOf(Activity activity)
    {
        var asked = $"{activity.Text?.Trim()}\n{(activity.Value is { } value ? value.GetRawText() : "")}";
        if (asked.Length <= 1) return null;
        var question = $"{asked}\n{activity.Conversation?.Id}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(question)), 0, 16);
    }

    private TurnContext? Resume(InboxEntry entry)
    {
        var activity = JsonSerializer.Deserialize<Activity>(entry.Payload, ConnectorJson.Options)
            ?? throw new InvalidOperationException($"Inbox entry {entry.Id} holds no activity.");
        try
        {
            return connectors.ResumeTurn(activity, entry.IsLocal);
        }
        catch (UntrustedServiceUrlException ex)
        {
            // The configuration changed since the activity was accepted (allow-list, local mode off).
            Log.ServiceUrlNoLongerTrusted(logger, entry.Id, LogSanitizer.Clean(ex.Message));
            return null;
        }
    }

    private async Task<InvokeResponse> AnswerCardActionAsync(InboundTurn inbound, IReplySink replies, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.HandleInvokeAsync(inbound, replies, cancellationToken) switch
            {
                null => OutgoingActivities.InvokeUnknownAction(),
                CardActionOutcome.Replace replace => OutgoingActivities.InvokeCard(replace.Card),
                CardActionOutcome.Answer answer => OutgoingActivities.InvokeMessage(answer.Text),
                CardActionOutcome.AlreadyPosted posted => OutgoingActivities.InvokeMessage(posted.Summary),
                _ => throw new InvalidOperationException("Unknown card action outcome."),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return OutgoingActivities.InvokeMessage(ErrorReplyFor(ex, "invoke", inbound.Activity));
        }
    }

    private string ErrorReplyFor(Exception exception, string workName, Activity inbound) =>
        failures.ForException(exception, workName, SupportedCultures.Resolve(inbound.Locale));

    private static bool IsInstall(Activity activity) =>
        (activity.IsType(ActivityTypes.InstallationUpdate) && activity.Action is "add" or "add-upgrade")
        || (activity.IsType(ActivityTypes.ConversationUpdate) && ContainsBot(activity.MembersAdded, activity));

    private static bool IsUninstall(Activity activity) =>
        (activity.IsType(ActivityTypes.InstallationUpdate) && activity.Action is "remove")
        || (activity.IsType(ActivityTypes.ConversationUpdate) && ContainsBot(activity.MembersRemoved, activity));

    private static bool ContainsBot(IReadOnlyList<ChannelAccount>? members, Activity activity) =>
        members is not null && activity.Recipient?.Id is { } botId && members.Any(m => m.Id == botId);

    internal static partial class Log
    {
        [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "A reply could not be delivered: {Status} (HTTP {HttpStatus}, {ErrorCode})")]
        public static partial void ReplyFailed(ILogger logger, ConnectorStatus status, int? httpStatus, string? errorCode);

        [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Ignored a {ActivityType} activity from channel {ChannelId}: AdeBot serves Teams (msteams) only")]
        public static partial void OtherChannelIgnored(ILogger logger, string? channelId, string? activityType);

        [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Inbox entry {EntryId} was not handled: its serviceUrl is no longer trusted ({Reason})")]
        public static partial void ServiceUrlNoLongerTrusted(ILogger logger, long entryId, string reason);
    }
}
