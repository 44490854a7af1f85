using AdeBot.Connector.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AdeBot.Connector.Tests;

public sealed class ServiceUrlTrustTests
{
    [Theory]
    [InlineData("", "https://smba.trafficmanager.net/amer/", false, true)]
    [InlineData("", "http://smba.trafficmanager.net/amer/", false, false)]
    [InlineData("", "https://user:secret@smba.trafficmanager.net/amer/", false, false)]
    [InlineData("", "https://smba.trafficmanager.net/amer/?x=1", false, false)]
    [InlineData("", "not a url", false, false)]
    [InlineData("smba.trafficmanager.net", "https://smba.trafficmanager.net/teams/", false, true)]
    [InlineData("SMBA.trafficmanager.net", "https://smba.TrafficManager.net/teams/", false, true)]
    [InlineData("smba.trafficmanager.net", "https://evil.trafficmanager.net/teams/", false, false)]
    [InlineData("smba.trafficmanager.net", "https://smba.trafficmanager.net.evil.example/", false, false)]
    [InlineData("*.botframework.com", "https://europe.botframework.com/", false, true)]
    [InlineData("*.botframework.com", "https://botframework.com/", false, false)]
    [InlineData("*.botframework.com", "https://evilbotframework.com/", false, false)]
    [InlineData("", "https://smba.infra.gcc.teams.microsoft.com/teams/", false, true)]
    [InlineData("", "https://smba.infra.gov.teams.microsoft.us/", false, true)]
    [InlineData("", "https://smba.infra.dod.teams.microsoft.us/", false, true)]
    [InlineData("", "https://europe.botframework.com/", false, true)]
    [InlineData("", "https://bots.example.net/amer/", false, false)]
    [InlineData("", "https://evil.trafficmanager.net/amer/", false, false)]
    [InlineData("", "https://teams.microsoft.us.evil.example/", false, false)]
    [InlineData("*", "https://bots.example.net/amer/", false, true)]
    [InlineData("*", "http://bots.example.net/amer/", false, false)]
    [InlineData("", "http://127.0.0.1:3978/", true, true)]
    [InlineData("smba.trafficmanager.net", "http://localhost:3978/", true, true)]
    [InlineData("smba.trafficmanager.net", "https://bots.example.net/", true, false)]
    [InlineData("", "ftp://127.0.0.1/", true, false)]
    public void A_stored_reference_is_usable_only_when_its_serviceUrl_passes_the_policy_whose_default_is_the_Teams_hosts(
        string allowedHost, string serviceUrl, bool wasLocal, bool usable)
    {
        var settings = ConnectorServices.AuthenticatedSettings();
        settings["Bot:AllowUnauthenticatedLocalRequests"] = "true";
        settings.Remove("Bot:AllowedServiceUrlHosts:0");
        if (allowedHost.Length > 0) settings["Bot:AllowedServiceUrlHosts:0"] = allowedHost;
        using var services = ConnectorServices.Build(settings);
        var factory = services.GetRequiredService<ConnectorClientFactory>();
        var reference = new ConversationReference { ChannelId = "msteams", ServiceUrl = serviceUrl, ConversationId = "a:1" };

        var client = Record.Exception(() => factory.ForStoredReference(reference, wasLocal));

        Assert.Equal(usable, client is null);
        if (!usable) Assert.IsType<UntrustedServiceUrlException>(client);
    }

    [Fact]
    public void A_local_reference_needs_local_mode()
    {
        using var services = ConnectorServices.Build(ConnectorServices.AuthenticatedSettings());
        var reference = new ConversationReference { ChannelId = "msteams", ServiceUrl = "http://127.0.0.1:3978/", ConversationId = "a:1" };

        Assert.Throws<UntrustedServiceUrlException>(() =>
            services.GetRequiredService<ConnectorClientFactory>().ForStoredReference(reference, wasLocal: true));
    }

    [Fact]
    public void An_authenticated_reference_needs_an_app_id()
    {
        using var services = ConnectorServices.Build(new Dictionary<string, string?> { ["Bot:AllowUnauthenticatedLocalRequests"] = "true" });
        var reference = new ConversationReference { ChannelId = "msteams", ServiceUrl = "https://smba.trafficmanager.net/amer/", ConversationId = "a:1" };

        Assert.Throws<UntrustedServiceUrlException>(() =>
            services.GetRequiredService<ConnectorClientFactory>().ForStoredReference(reference, wasLocal: false));
    }
}
