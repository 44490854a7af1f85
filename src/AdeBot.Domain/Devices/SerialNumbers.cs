using System.Text.RegularExpressions;

namespace AdeBot.Domain.Devices;

/// Why a text is not a serial number, for a reply that says what a serial looks like.
public enum NotSerialReason { WrongShape, Imei }

/// Apple serial numbers: 10 random characters on devices since 2021, 11 or 12 on older ones;
/// letters A–Z and digits only. Graph stores them upper-case. AdeBot also asks for at least one
/// letter and one digit, so a word or a plain number typed in chat is never taken for a serial.
public static partial class SerialNumbers
{
    public const int MinLength = 10;
    public const int MaxLength = 12;

    /// The example every reply shows; fictional, like the sample tenant.
    public const string Example = "C02ZP4MNQR13";

    /// The one form used for matching and display: trimmed and upper-case.
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    public static bool IsValid(string? candidate)
    {
        if (candidate is null) return false;
        var serial = Normalize(candidate);
        return Shape().IsMatch(serial) && serial.Any(char.IsAsciiDigit) && serial.Any(char.IsAsciiLetter) && !LooksLikeOtherCode(serial);
    }

    /// True for an IMEI or MEID typed instead of the serial: 14 to 16 digits, spaces allowed.
    public static bool LooksLikeImei(string text)
    {
        var digits = text.Where(c => !char.IsWhiteSpace(c) && c is not '-').ToArray();
        return digits.Length is >= 14 and <= 16 && digits.All(char.IsAsciiDigit);
    }

    public static NotSerialReason ReasonNotSerial(string text) => LooksLikeImei(text) ? NotSerialReason.Imei : NotSerialReason.WrongShape;

    /// The serial numbers written in a chat message, normalized, in the order written, each once.
    public static IReadOnlyList<string> FindIn(string text) =>
        [.. Candidate().Matches(text).Select(m => Normalize(m.Value)).Where(IsValid).Distinct(StringComparer.Ordinal)];

    /// The identifier-like words of a message that are not serial numbers ("C02ZP4", "123456",
    /// an IMEI): what a device question gave instead of a serial.
    public static IReadOnlyList<string> NearMissesIn(string text) =>
        [.. Identifier().Matches(text).Select(m => m.Value.Trim()).Where(v => !IsValid(v) && (v.Any(char.IsAsciiDigit) || LooksLikeImei(v)))];

    /// Entra ID error codes (AADSTS700016) are letters and digits of a serial's length too.
    private static bool LooksLikeOtherCode(string serial) => serial.StartsWith("AADSTS", StringComparison.Ordinal);

    [GeneratedRegex("^[A-Z0-9]{10,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    // Letters and digits between anything that is not a letter or digit of any script.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-Za-z0-9]{10,12}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:\d[\d ]{12,18}\d|[A-Za-z0-9]{3,20})(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
