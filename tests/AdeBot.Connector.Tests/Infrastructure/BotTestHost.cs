using System.Text;
using System.Text.Json;
using AdeBot.Testing;
using AdeBot.Testing.Connector;
using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdeBot.Connector.Tests.Infrastructure;

/// A minimal bot web app on Kestrel (127.0.0.1): AddBotConnector + MapBotMessages + <see cref="TestBotHandler"/>.
internal sealed class BotTestHost : IAsyncDisposable
{
    private readonly LoopbackWebApp _app;

    private BotTestHost(LoopbackWebApp app, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
        Http = new HttpClient { BaseAddress = app.BaseUri };
    }

    public HttpClient Http { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    public TestBotHandler Handler => Services.GetRequiredService<TestBotHandler>();

    /// <paramref name="connector"/>: the fake Connector this bot may call (its TLS certificate is trusted).
    public static async Task<BotTestHost> StartAsync(
        IDictionary<string, string?> settings,
        FakeConnectorServer? connector = null,
        TokenCredential? credential = null,
        string environmentName = "Development",
        TimeProvider? time = null)
    {
        var logs = new CapturedLogs();
        var app = await LoopbackWebApp.StartAsync(
            web => web.MapBotMessages(),
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                builder.Logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs);
                if (time is not null) builder.Services.AddSingleton(time);
                builder.Services.AddBotConnector(builder.Configuration);
                builder.Services.AddSingleton<TestBotHandler>();
                builder.Services.AddScoped<IBotActivityHandler>(provider => provider.GetRequiredService<TestBotHandler>());
                if (credential is not null) builder.Services.AddKeyedSingleton(BotConnectorServiceKeys.Credential, credential);
                if (connector is not null)
                    builder.Services.AddHttpClient(BotConnectorServiceKeys.HttpClientName).ConfigurePrimaryHttpMessageHandler((handler, _) => connector.TrustCertificateIn(handler));
            },
            environmentName: environmentName);
        return new BotTestHost(app, logs);
    }

    public Task<HttpResponseMessage> PostAsync(Activity activity, string? authorization) =>
        PostAsync(JsonSerializer.Serialize(activity, ConnectorJson.Options), authorization);

    public Task<HttpResponseMessage> PostAsync(string json, string? authorization, Action<HttpRequestMessage>? adjust = null) =>
        SendAsync(new StringContent(json, Encoding.UTF8, "application/json"), authorization, adjust);

    public async Task<HttpResponseMessage> SendAsync(HttpContent content, string? authorization, Action<HttpRequestMessage>? adjust = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = content };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        adjust?.Invoke(request);
        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }
}

internal static class Activities
{
    public static Activity Message(string serviceUrl, string text, string? id = null, string channelId = "msteams") => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? NewId(),
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        From = new ChannelAccount { Id = "29:user-1", Name = "Ada Admin", AadObjectId = "aad-user-1" },
        Recipient = new ChannelAccount { Id = "28:" + ConnectorServices.AppId, Name = "AdeBot" },
        Conversation = new ConversationAccount { Id = "a:personal-chat-1", ConversationType = "personal", TenantId = "tenant-1" },
        Text = text,
        Locale = "fi-FI",
    };

    public static Activity Invoke(string serviceUrl, string name, object? value = null) =>
        Message(serviceUrl, text: null!) with
        {
            Type = ActivityTypes.Invoke,
            Name = name,
            Value = value is null ? null : ConnectorJson.ToElement(value),
        };

    public static string NewId() => "1:" + Guid.NewGuid().ToString("N");
}
