using AdeBot.Connector;
using AdeBot.Conversations;
using AdeBot.Conversations.CardActions;
using AdeBot.Domain.Localization;

namespace AdeBot.Teams;

/// Connects the Bot Connector endpoint to the conversation engine: messages are answered in the
/// background (Graph may take longer than the channel waits), card clicks synchronously.
public sealed partial class TeamsActivityHandler(
    ConversationEngine engine,
    FailureReplies failures,
    IBackgroundTurnQueue queue,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<TeamsActivityHandler> logger) : IBotActivityHandler
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    public async Task<InvokeResponse?> OnActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var inbound = new InboundTurn(turn.Activity, turn.IsLocalAnonymous);
        var replies = new ConnectorReplySink(turn, logger);
        var activity = turn.Activity;

        if (activity.IsType(ActivityTypes.Message))
        {
            Enqueue("message", turn, (ct) => engine.HandleMessageAsync(inbound, replies, ct));
        }
        else if (activity.IsType(ActivityTypes.Invoke) && activity.Name == AdaptiveCardActionInvoke)
        {
            return await AnswerCardActionAsync(inbound, replies, cancellationToken);
        }
        else if (IsInstall(activity))
        {
            Func<CancellationToken, Task> install = ct => engine.HandleInstallAsync(inbound, replies, ct);
            // Teams announces an install twice, and only the installationUpdate carries the user's
            // locale. Whichever is handled first sends the welcome, so the locale-less one waits a
            // moment and finds the conversation already greeted, in the user's language.
            if (string.IsNullOrEmpty(activity.Locale)) _ = EnqueueLaterAsync(InstallLocaleGrace, "install", turn, install);
            else Enqueue("install", turn, install);
        }
        else if (IsUninstall(activity))
        {
            await engine.HandleUninstallAsync(inbound, cancellationToken);
        }
        // Everything else (reactions, edits, Teams events we do not use) is acknowledged with 200.
        return null;
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

    private static readonly TimeSpan InstallLocaleGrace = TimeSpan.FromSeconds(2);

    private async Task EnqueueLaterAsync(TimeSpan delay, string workName, TurnContext turn, Func<CancellationToken, Task> work)
    {
        try
        {
            await Task.Delay(delay, time, lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        Enqueue(workName, turn, work);
    }

    private void Enqueue(string workName, TurnContext turn, Func<CancellationToken, Task> work)
    {
        // A full queue is logged by the queue itself.
        queue.TryEnqueue(workName, async (_, ct) =>
        {
            try
            {
                await work(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await turn.ReplyAsync(OutgoingActivities.Text(turn.Activity, ErrorReplyFor(ex, workName, turn.Activity)), ct);
            }
        });
    }

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
        internal static partial void ReplyFailed(ILogger logger, ConnectorStatus status, int? httpStatus, string? errorCode);
    }
}
