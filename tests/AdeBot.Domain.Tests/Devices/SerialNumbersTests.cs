using AdeBot.Domain.Devices;

namespace AdeBot.Domain.Tests.Devices;

public sealed class SerialNumbersTests
{
    [Theory]
    [InlineData("C02ZP4MNQR13", true)]   // 12 characters, before 2021
    [InlineData("DMPXK2ABCD1", true)]    // 11
    [InlineData("H4GXQ2KL9P", true)]     // 10, randomized since 2021
    [InlineData(" c02zp4mnqr13 ", true)]
    [InlineData("C02ZP4MNQ", false)]     // too short
    [InlineData("C02ZP4MNQR13X", false)] // too long
    [InlineData("C02ZP4-MNQR1", false)]
    [InlineData("ENROLLMENT", false)]    // a word
    [InlineData("3532099001", false)]    // a number
    [InlineData("AADSTS700016", false)]  // an Entra ID error code
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_serial_is_10_to_12_letters_and_digits(string? candidate, bool valid) =>
        Assert.Equal(valid, SerialNumbers.IsValid(candidate));

    [Theory]
    [InlineData("why isn't DMPXK2ABCD18 enrolling?", new[] { "DMPXK2ABCD18" })]
    [InlineData("serial c02zp4mnqr13, also C02ZP4MNQR13 and H4GXQ2KL9P.", new[] { "C02ZP4MNQR13", "H4GXQ2KL9P" })]
    [InlineData("laitteen DMPXK2ABCD18:n rekisteröinti", new[] { "DMPXK2ABCD18" })]
    [InlineData("пристрійDMPXK2ABCD18", new string[0])] // glued to a word: not written as a serial
    [InlineData("error AADSTS700016 when signing in", new string[0])]
    public void Serials_are_found_in_chat_text_normalized_and_once(string text, string[] expected) =>
        Assert.Equal(expected, SerialNumbers.FindIn(text));

    [Theory]
    [InlineData("353209900176148", true)]
    [InlineData("35 320990 017614 8", true)]
    [InlineData("C02ZP4MNQR13", false)]
    [InlineData("12345", false)]
    public void An_imei_is_told_apart(string text, bool imei) => Assert.Equal(imei, SerialNumbers.LooksLikeImei(text));

    [Fact]
    public void Near_misses_are_identifiers_that_are_not_serials() =>
        Assert.Equal(["C02ZP4", "353209900176148"], SerialNumbers.NearMissesIn("serial C02ZP4 or maybe 353209900176148 for my iPad"));
}
