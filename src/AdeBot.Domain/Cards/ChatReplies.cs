using System.Globalization;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Devices;
using AdeBot.Domain.Health;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;

namespace AdeBot.Domain.Cards;

/// Short text replies (no card) in the user's language. None of them reveals token data, and none
/// carries exception text: errors get a reference id, the details stay in the log.
public static class ChatReplies
{
    /// Token names listed in one reply at most; the rest are counted.
    public const int MaxNamesListed = 10;

    /// For a tenant or user that may not ask. Says nothing about why or about the tokens.
    public static string Refusal(CultureInfo culture) => ChatText.Get("Reply_Refusal", culture);

    /// For a user who clicked card buttons faster than Access:CardActionsPerUserPerMinute allows.
    /// A channel or group chat under Access:GroupConversations=deny: where to ask instead, nothing about the tokens.
    public static string GroupDenied(CultureInfo culture) => ChatText.Get("Reply_GroupDenied", culture);

    public static string SlowDown(CultureInfo culture) => ChatText.Get("Reply_SlowDown", culture);

    public static string SyncStarted(string tokenName, CultureInfo culture) => ChatText.Format("Reply_SyncStarted", culture, tokenName);

    /// A refusal of a sync is never an error: how long to wait (whole minutes, at least one).
    public static string SyncNotNow(string tokenName, TimeSpan wait, CultureInfo culture) =>
        ChatText.Plural("Reply_SyncNotNow", ManualSync.Minutes(wait), culture, tokenName);

    public static string SyncPermissionMissing(CultureInfo culture) =>
        ChatText.Format("Reply_SyncPermissionMissing", culture, ITokenSync.RequiredPermission);

    /// For anything the recognizer did not understand: suggests what to ask instead.
    public static string UnknownReply(CultureInfo culture) =>
        ChatText.Format("Reply_Unknown", culture, ChatText.Example("Health", culture), ChatText.Example("Expiring", culture), ChatText.Example("Help", culture));

    public static string Greeting(CultureInfo culture) =>
        ChatText.Format("Reply_Greeting", culture, ChatText.Example("Health", culture), ChatText.Example("Help", culture));

    public static string Thanks(CultureInfo culture) => ChatText.Get("Reply_Thanks", culture);

    public static string Subscribed(CultureInfo culture) => ChatText.Get("Reply_Subscribed", culture);

    public static string Unsubscribed(CultureInfo culture) =>
        ChatText.Format("Reply_Unsubscribed", culture, ChatText.Example("Subscribe", culture));

    /// Confirms the scope and says how to choose the other one. `turnedOn`: alerts were off and
    /// choosing a scope turned them on, which the reply says first.
    public static string ScopeChanged(AlertScope scope, bool turnedOn, CultureInfo culture)
    {
        var confirmation = scope == AlertScope.CriticalOnly
            ? ChatText.Format("Reply_Scope_CriticalOnly", culture, ChatText.Example("ScopeAll", culture))
            : ChatText.Format("Reply_Scope_All", culture, ChatText.Example("ScopeCriticalOnly", culture));
        return turnedOn ? $"{ChatText.Get("Reply_Scope_TurnedOn", culture)} {confirmation}" : confirmation;
    }

    public static string ErrorReply(string referenceId, CultureInfo culture) => ChatText.Format("Reply_Error", culture, referenceId);

    /// For a message whose turn was cut off by a restart: it is not answered twice, so the user is asked again.
    public static string Interrupted(CultureInfo culture) => ChatText.Get("Reply_Interrupted", culture);

    public static string PermissionMissing(string permission, CultureInfo culture) => ChatText.Format("Reply_PermissionMissing", culture, permission);

    public static string GraphUnavailable(CultureInfo culture) => ChatText.Get("Reply_GraphUnavailable", culture);

    /// In the new language: `culture` is the one just chosen.
    public static string LanguageChanged(CultureInfo culture) => ChatText.Get("Reply_LanguageChanged", culture);

    public static string NoTokenNamed(string name, CultureInfo culture) =>
        ChatText.Format("Reply_NoTokenNamed", culture, ChatText.Format("Quoted", culture, name), ChatText.Example("Status", culture));

    /// For "details" without a name (the command picked from Teams' list): asks which token, with an
    /// example to type and the names to choose from: those that need attention, worst first, or
    /// every token when none does. The example is not the push certificate, whose name is all
    /// words that ask about the service ("Apple MDM Push certificate") rather than name a token.
    public static string WhichToken(IReadOnlyList<TokenHealth> tokens, CultureInfo culture)
    {
        List<TokenHealth> failing = [.. tokens.Where(t => t.Status != HealthStatus.Healthy)];
        var (listKey, listed) = failing.Count > 0 ? ("Reply_WhichToken_Failing", failing) : ("Reply_WhichToken_All", [.. tokens]);
        var example = listed.FirstOrDefault(t => t.Kind != TokenKind.Apns) is { } token
            ? ChatText.Format("Example_DetailsOf", culture, token.Name)
            : ChatText.Get("Example_Details", culture);
        var question = ChatText.Format("Reply_WhichToken", culture, ChatText.Example("DetailsWord", culture), ChatText.Format("Quoted", culture, example));
        List<string> names = [.. listed.Select(t => RemediationCatalog.DisplayName(t.Kind, t.Name, culture)).Distinct(StringComparer.Ordinal)];
        if (names.Count == 0) return question;

        var list = string.Join(", ", names.Take(MaxNamesListed));
        if (names.Count > MaxNamesListed) list += " " + ChatText.Plural("List_More", names.Count - MaxNamesListed, culture);
        return $"{question} {ChatText.Format(listKey, culture, list)}";
    }

    public static string Snoozed(int days, CultureInfo culture) => ChatText.Plural("Reply_Snoozed", days, culture);

    /// For a device question without a serial number: asks for one, says what it looks like and where to find it.
    public static string WhichDevice(CultureInfo culture) => ChatText.Format("Reply_WhichDevice", culture, SerialNumbers.Example);

    /// For what was given instead of a serial number (too short, wrong characters, an IMEI, a device name).
    public static string NotASerial(string given, CultureInfo culture) => ChatText.Format(
        SerialNumbers.ReasonNotSerial(given) == NotSerialReason.Imei ? "Reply_NotASerial_Imei" : "Reply_NotASerial",
        culture, ChatText.Format("Quoted", culture, Echo(given)), SerialNumbers.Example);

    /// Longest echo of what the user typed. The reply is Markdown, so only letters, digits, spaces
    /// and a little punctuation go back, never markup.
    public const int MaxEchoLength = 40;

    private static string Echo(string text)
    {
        var plain = new string([.. text.Trim().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '\'' or '’' or '.')]);
        return plain.Length <= MaxEchoLength ? plain : plain[..MaxEchoLength] + "…";
    }

    /// What to tell a user whose tenant could not be read. Null for an unexpected failure: only the
    /// log knows what went wrong, so the caller points there (chat with a reference id).
    public static string? ForInventoryFailure(InventoryFailure failure, CultureInfo culture) => failure switch
    {
        { Kind: InventoryFailureKind.PermissionMissing, MissingPermission: { } permission } => PermissionMissing(permission, culture),
        { Kind: InventoryFailureKind.GraphUnavailable } => GraphUnavailable(culture),
        // Not a tenant AdeBot serves: the same answer as any other conversation it may not serve.
        { Kind: InventoryFailureKind.TenantNotConfigured } => Refusal(culture),
        _ => null,
    };
}
