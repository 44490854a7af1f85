namespace AdeBot.Connector;

/// Hooks the host uses to count Connector calls without this layer knowing any telemetry library:
/// every call once, with how it ended, and every retry the pipeline takes. The default does nothing.
public class ConnectorCallObserver
{
    public static readonly ConnectorCallObserver None = new();

    /// `operation` is the client method (ReplyToActivityAsync, SendToConversationAsync, …).
    public virtual void CallCompleted(string operation, ConnectorDelivery delivery, ConnectorStatus status, int? httpStatusCode, TimeSpan duration)
    {
    }

    public virtual void Retrying(string operation, int httpStatusCode, int attempt)
    {
    }
}
