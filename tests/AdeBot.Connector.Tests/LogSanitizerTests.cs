namespace AdeBot.Connector.Tests;

public sealed class LogSanitizerTests
{
    public static TheoryData<string?, string> Cases => new()
    {
        { null, "(none)" },
        { "", "" },
        { "msteams", "msteams" },
        { "https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer/" },
        { "kid\r\n2026-12-02 Warning: forged line", "kid2026-12-02 Warning: forged line" },
        { "tab\there\u0000nul\u001bescape\u007fdel\u0085nel", "tabherenulescapedelnel" },
        { "admin\u202Egnp.exe", "admingnp.exe" },
        { "a\u2066b\u2067c\u2068d\u2069e\u200Bf\u200Dg\uFEFFh", "abcdefgh" },
        { "line\u2028para\u2029end", "lineparaend" },
        { "Ünïcödé ключ 鍵", "Ünïcödé ключ 鍵" },
        { new string('a', 128), new string('a', 128) },
        { new string('a', 129), new string('a', 128) + "…" },
        { new string('\n', 500) + "ok", "ok" },
        { new string('b', 127) + "😀", new string('b', 127) + "…" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Attacker_strings_lose_control_and_format_characters_and_are_cut(string? input, string expected)
    {
        var cleaned = LogSanitizer.Clean(input);

        Assert.Equal(expected, cleaned);
        Assert.True(cleaned.Length <= LogSanitizer.MaxLength + LogSanitizer.Ellipsis.Length);
    }
}
