using System.Diagnostics;

namespace AdeBot.Telemetry;

/// The kinds of turn, as the `adebot.activity.type` tag names them.
public static class TurnActivityTypes
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string Install = "install";
    public const string Uninstall = "uninstall";
}

/// How a turn ended, as the turn metrics, the turn log line and the audit trail name it.
public enum TurnOutcome
{
    /// The question or click was answered.
    Answered,
    /// The access rules refused the conversation (it got the polite refusal).
    Refused,
    /// The tenant could not be read (Graph, a missing permission); the user was told so.
    Unavailable,
    /// The turn threw; the user was given the turn's reference id.
    Failed,
    /// The process stopped while it ran; the user was asked to ask again.
    Interrupted,
}

/// What one turn did, filled in as it runs by the code that knows (the engine sets the intent, the
/// resolver a refusal, the handlers the tokens or serial concerned) and read once at its end for
/// the span, the metrics, the log line and the audit trail. `Current` flows with the turn's async
/// work, as the log scope and Activity.Current do.
public sealed class TurnRecord(string turnId, string activityType, string? tenantId, string? conversationId, string? userAadObjectId)
{
    private static readonly AsyncLocal<TurnRecord?> Ambient = new();
    private readonly List<string> _subjects = [];

    public static TurnRecord? Current
    {
        get => Ambient.Value;
        internal set => Ambient.Value = value;
    }

    /// Also the reference id a user is shown when the turn fails, so one id finds every log line.
    public string TurnId { get; } = turnId;

    /// `message`, `invoke`, `install`, `uninstall`.
    public string ActivityType { get; } = activityType;

    public string? TenantId { get; } = tenantId;

    public string? ConversationId { get; } = conversationId;

    public string? UserAadObjectId { get; } = userAadObjectId;

    /// The recognized intent of a message (`Health`, `DeviceDiagnosis`…).
    public string? Intent { get; set; }

    /// The verb of a card button (`checkAgain`, `snooze`…), on either path it arrives by.
    public string? CardAction { get; set; }

    public TurnOutcome Outcome { get; private set; } = TurnOutcome.Answered;

    /// Token ids or a device serial the turn looked at; for the audit trail only, never a tag.
    public IReadOnlyList<string> Subjects => _subjects;

    public void Concerns(string subject)
    {
        if (!string.IsNullOrWhiteSpace(subject) && !_subjects.Contains(subject, StringComparer.OrdinalIgnoreCase)) _subjects.Add(subject);
    }

    /// Keeps the worst: a turn that failed after it could not read the tenant failed.
    public void End(TurnOutcome outcome)
    {
        if (outcome > Outcome) Outcome = outcome;
    }

    /// What the turn was about, for tags and the log line: the verb of a click, else the intent.
    public string Subject => CardAction ?? Intent ?? "none";

    internal System.Diagnostics.Activity? Span { get; set; }

    internal long StartedTimestamp { get; set; }

    /// Hashed once at the start; the span, the scope and the closing log line all name it.
    internal string ConversationHash { get; set; } = "";

    public static string OutcomeName(TurnOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
