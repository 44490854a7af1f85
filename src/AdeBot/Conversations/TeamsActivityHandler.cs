using AdeBot.Connector;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Cards.Model;
using AdeBot.Domain.Localization;

namespace AdeBot.Conversations;

/// Connects the Bot Connector endpoint to the conversation engine: messages are answered in the
/// background (Graph may take longer than the channel waits), card clicks synchronously.
public sealed partial class TeamsActivityHandler(
    ConversationEngine engine,
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
            var outcome = await engine.HandleInvokeAsync(inbound, replies, cancellationToken);
            var response = outcome switch
            {
                null => AdaptiveCardInvokeResponse.Error(400, "BadRequest", "The card action is not one AdeBot knows."),
                { Card: { } card } => AdaptiveCardInvokeResponse.Card(AdaptiveCardJson.ToElement(card)),
                { Text: { } text } => AdaptiveCardInvokeResponse.Message(text),
                _ => AdaptiveCardInvokeResponse.Message(""),
            };
            return response.ToInvokeResponse();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return AdaptiveCardInvokeResponse.Message(ErrorReplyFor(ex, "invoke", inbound.Activity)).ToInvokeResponse();
        }
    }

    /// Logs the failure under a new reference id and returns the reply that gives the user that id.
    private string ErrorReplyFor(Exception exception, string workName, Activity inbound)
    {
        var reference = ConversationEngine.NewReferenceId();
        Log.TurnFailed(logger, exception, workName, reference);
        return ChatReplies.ErrorReply(reference, SupportedCultures.Resolve(inbound.Locale));
    }

    internal static readonly TimeSpan InstallLocaleGrace = TimeSpan.FromSeconds(2);

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
                await turn.ReplyAsync(Replies.Text(turn.Activity, ErrorReplyFor(ex, workName, turn.Activity)), ct);
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

    private sealed class ConnectorReplySink(TurnContext turn, ILogger logger) : IReplySink
    {
        public async Task<bool> SendAsync(Activity reply, CancellationToken cancellationToken)
        {
            var result = await turn.ReplyAsync(reply, cancellationToken);
            if (!result.IsSuccess) Log.ReplyFailed(logger, result.Status, result.HttpStatusCode, result.ErrorCode);
            return result.IsSuccess;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Handling a {WorkName} turn failed; the user was given reference {ReferenceId}")]
        public static partial void TurnFailed(ILogger logger, Exception exception, string workName, string referenceId);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "A reply could not be delivered: {Status} (HTTP {HttpStatus}, {ErrorCode})")]
        public static partial void ReplyFailed(ILogger logger, ConnectorStatus status, int? httpStatus, string? errorCode);
    }
}
