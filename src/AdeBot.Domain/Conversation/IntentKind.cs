using System.Globalization;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Remediation;

namespace AdeBot.Domain.Conversation;

public enum IntentKind
{
    Unknown,
    Health,
    ExpiringSoon,
    TokenDetails,
    ExplainError,
    Subscribe,
    Unsubscribe,
    Help,
    Greeting,
    Thanks,
    SetLanguage,
    /// "only critical alerts", "all alerts": which findings the conversation is alerted on.
    SetAlertScope,
    /// "why isn't C02ZP4MNQR13 enrolling?", a serial number on its own, "my iPad is stuck".
    DeviceDiagnosis,
    /// "and Tampere?", "the second one", "why?", "how do I fix it?", "is it fixed now?": about the
    /// conversation's subject (ConversationContext) or the one it names.
    FollowUp,
}

/// What the user asked. `LanguageOverride` is set whenever the text names a language ("in
/// Finnish", "українською"), alone (SetLanguage) or inside another request. `TokenName` is the
/// text as typed, for TokenNames.Find, or null when TokenDetails names no token ("details");
/// `Days` the window of ExpiringSoon; `ErrorCode` or `Topic` what ExplainError is about; `Scope`
/// what SetAlertScope chose. DeviceDiagnosis carries the `SerialNumber` (normalized), or what was
/// given instead (`NotSerial`: too short, an IMEI), or neither when the question named no device.
/// `Confidence` is 0 for Unknown and lower when typos were forgiven or the request was inferred
/// from a bare keyword. `AsksDaysLeft`: an ExpiringSoon that asks how long each token has left
/// ("how many days are left?") rather than what expires within a window. A FollowUp carries what
/// it asks (`FollowUp`) and how it names its subject: `TokenName` (as typed), `Ordinal` (1-based
/// position in the last answer, -1 for the last), or neither ("it").
public sealed record RecognizedIntent(
    IntentKind Kind,
    CultureInfo? LanguageOverride = null,
    int? Days = null,
    bool AsksDaysLeft = false,
    string? TokenName = null,
    int? ErrorCode = null,
    RemediationTopic? Topic = null,
    AlertScope? Scope = null,
    double Confidence = 0,
    string? SerialNumber = null,
    string? NotSerial = null,
    FollowUpKind? FollowUp = null,
    int? Ordinal = null)
{
    public static RecognizedIntent Unknown { get; } = new(IntentKind.Unknown);
}
