using AdeBot.Domain.Conversation;

namespace AdeBot.Domain.Tests.Conversation;

public sealed class DeviceQuestionTests
{
    private static readonly IntentRecognizer Recognizer = new();

    public static TheoryData<string, string> WithSerial => new()
    {
        { "DMPXK2ABCD18", "DMPXK2ABCD18" },
        { "  dmpxk2abcd18 ", "DMPXK2ABCD18" },
        { "serial DMPXK2ABCD18", "DMPXK2ABCD18" },
        { "S/N: DMPXK2ABCD18", "DMPXK2ABCD18" },
        { "device DMPXK2ABCD18", "DMPXK2ABCD18" },
        { "why isn't DMPXK2ABCD18 enrolling?", "DMPXK2ABCD18" },
        { "why isn’t my iPad C02ZP4MNQR13 enrolling", "C02ZP4MNQR13" },
        { "C02ZP4MNQR13 not in Intune", "C02ZP4MNQR13" },
        { "C02ZP4MNQR13 is stuck on awaiting configuration", "C02ZP4MNQR13" },
        { "which profile does H4GXQ2KL9P get?", "H4GXQ2KL9P" },
        { "<at>AdeBot</at> status of DMPXK2ABCD18", "DMPXK2ABCD18" },
        { "sarjanumero DMPXK2ABCD18", "DMPXK2ABCD18" },
        { "miksi DMPXK2ABCD18 ei rekisteröidy?", "DMPXK2ABCD18" },
        { "laitteen DMPXK2ABCD18:n rekisteröinti ei onnistu", "DMPXK2ABCD18" },
        { "laite C02ZP4MNQR13 on jumissa etähallinnassa", "C02ZP4MNQR13" },
        { "C02ZP4MNQR13 ei näy Intunessa", "C02ZP4MNQR13" },
        { "чому DMPXK2ABCD18 не реєструється?", "DMPXK2ABCD18" },
        { "пристрій C02ZP4MNQR13 завис на віддаленому керуванні", "C02ZP4MNQR13" },
        { "серійний номер H4GXQ2KL9P", "H4GXQ2KL9P" },
        { "C02ZP4MNQR13 немає в Intune", "C02ZP4MNQR13" },
    };

    [Theory]
    [MemberData(nameof(WithSerial))]
    public void A_device_question_carries_its_serial(string text, string serial)
    {
        var intent = Recognizer.Recognize(text);

        Assert.Equal(IntentKind.DeviceDiagnosis, intent.Kind);
        Assert.Equal(serial, intent.SerialNumber);
        Assert.Null(intent.NotSerial);
        Assert.True(intent.Confidence >= 0.75, $"{intent.Confidence}");
    }

    [Theory]
    [InlineData("why isn't my iPad enrolling?")]
    [InlineData("my device is not in Intune")]
    [InlineData("stuck on awaiting final configuration")]
    [InlineData("check a serial number")]
    [InlineData("miksi laitteeni ei rekisteröidy?")]
    [InlineData("iPadini on jumissa etähallinnassa")]
    [InlineData("чому мій пристрій не реєструється?")]
    [InlineData("айпад завис на асистенті налаштування")]
    public void A_device_question_without_a_serial_asks_for_one(string text)
    {
        var intent = Recognizer.Recognize(text);

        Assert.Equal(IntentKind.DeviceDiagnosis, intent.Kind);
        Assert.Null(intent.SerialNumber);
        Assert.Null(intent.NotSerial);
    }

    [Theory]
    [InlineData("serial C02ZP4", "C02ZP4")]
    [InlineData("why isn't device 12345 enrolling", "12345")]
    [InlineData("353209900176148", "353209900176148")]
    [InlineData("sarjanumero 35 320990 017614 8", "35 320990 017614 8")]
    [InlineData("пристрій C02-ZP4", "C02")]
    public void What_was_given_instead_of_a_serial_is_kept_for_the_reply(string text, string given)
    {
        var intent = Recognizer.Recognize(text);

        Assert.Equal(IntentKind.DeviceDiagnosis, intent.Kind);
        Assert.Null(intent.SerialNumber);
        Assert.Equal(given, intent.NotSerial);
    }

    [Theory]
    [InlineData("details ABM2024HEL01", "ABM 2024 HEL 01")]
    [InlineData("show token NORTHWIND2026", "NORTHWIND 2026")]
    [InlineData("näytä tiedot ABM2024HEL01", "ABM 2024 HEL 01")]
    [InlineData("деталі ABM2024HEL01", "ABM 2024 HEL 01")]
    public void A_token_name_that_looks_like_a_serial_is_not_a_serial(string text, string tokenName)
    {
        var intent = Recognizer.Recognize(text);

        Assert.Equal(IntentKind.TokenDetails, intent.Kind);
        Assert.Equal(tokenName, intent.TokenName);
        Assert.Null(intent.SerialNumber);
    }

    [Theory]
    [InlineData("show my Apple enrollment tokens")]
    [InlineData("how many devices will fail to enroll?")]
    [InlineData("what does automated device enrollment mean?")]
    [InlineData("mitä automaattinen laitteiden rekisteröinti tarkoittaa?")]
    [InlineData("що таке автоматична реєстрація пристроїв?")]
    [InlineData("what does error AADSTS700016 mean?")]
    [InlineData("what does error 3 mean?")]
    [InlineData("status")]
    [InlineData("what's the weather like?")]
    [InlineData("set the table")]
    public void A_question_about_the_service_is_not_about_a_device(string text) =>
        Assert.NotEqual(IntentKind.DeviceDiagnosis, Recognizer.Recognize(text).Kind);
}
