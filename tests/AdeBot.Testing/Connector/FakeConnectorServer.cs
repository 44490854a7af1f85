using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AdeBot.Testing.Connector;

public sealed record RecordedConnectorRequest(string Method, string RawTarget, string? Authorization, string? ContentType, string Body);

public sealed record ScriptedResponse(int Status, string? Body = null, string? RetryAfter = null, string? Location = null)
{
    public static ScriptedResponse Ok(string id) => new(200, JsonSerializer.Serialize(new { id }));

    public static ScriptedResponse Error(int status, string code) =>
        new(status, JsonSerializer.Serialize(new { error = new { code, message = $"scripted {code}" } }));
}

/// A Bot Connector service on loopback (https by default, like the real one). It records every
/// request as it arrived on the wire and answers from a script, then with 200 {"id":"activity-N"}.
public sealed class FakeConnectorServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly List<RecordedConnectorRequest> _requests = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private LoopbackWebApp _app = null!;
    private int _answered;

    private FakeConnectorServer(X509Certificate2? certificate) => Certificate = certificate;

    public X509Certificate2? Certificate { get; }

    public Uri BaseUri => _app.BaseUri;

    public IReadOnlyList<RecordedConnectorRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    public static Task<FakeConnectorServer> StartHttpsAsync() => StartAsync(TestCertificates.CreateLoopbackServerCertificate());

    public static Task<FakeConnectorServer> StartHttpAsync() => StartAsync(certificate: null);

    private static async Task<FakeConnectorServer> StartAsync(X509Certificate2? certificate)
    {
        var server = new FakeConnectorServer(certificate);
        server._app = await LoopbackWebApp.StartAsync(app => app.Run(server.HandleAsync), certificate: certificate);
        return server;
    }

    /// The serviceUrl of this fake, with a path prefix like Teams' regional ones.
    public string ServiceUrl(string pathPrefix = "amer/") => new Uri(BaseUri, pathPrefix).AbsoluteUri;

    /// Forgets recorded requests and unplayed script, for a fixture shared by several tests.
    public void Reset()
    {
        _script.Clear();
        Rule = null;
        lock (_requests) _requests.Clear();
        Interlocked.Exchange(ref _answered, 0);
    }

    /// Answers every request this rule returns a response for, before the script is consulted:
    /// a standing behaviour such as one conversation always being throttled.
    public Func<RecordedConnectorRequest, ScriptedResponse?>? Rule { get; set; }

    /// How long each answer takes, as a slow network would: lets a test catch work in flight.
    public TimeSpan ResponseDelay { get; set; }

    public void Enqueue(params ScriptedResponse[] responses)
    {
        foreach (var response in responses) _script.Enqueue(response);
    }

    /// Makes the product's own primary handler trust exactly this server's certificate and changes
    /// nothing else, so tests exercise the product's handler settings (no redirects) as shipped.
    public void TrustCertificateIn(HttpMessageHandler primary)
    {
        var expected = Certificate?.GetCertHashString();
        ((SocketsHttpHandler)primary).SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            expected is not null && presented is not null && presented.GetCertHashString() == expected;
    }

    /// Waits until at least <paramref name="count"/> requests arrived (guards against a hang, not a timing assertion).
    public async Task<IReadOnlyList<RecordedConnectorRequest>> WaitForRequestsAsync(int count)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (Requests.Count < count) await _arrived.WaitAsync(guard.Token);
        return Requests;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var request = new RecordedConnectorRequest(context.Request.Method, rawTarget,
            context.Request.Headers.Authorization.Count == 0 ? null : context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType, body);

        if (ResponseDelay > TimeSpan.Zero) await Task.Delay(ResponseDelay, context.RequestAborted);
        var answer = Rule?.Invoke(request)
            ?? (_script.TryDequeue(out var scripted) ? scripted : ScriptedResponse.Ok($"activity-{Interlocked.Increment(ref _answered)}"));
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is not null) context.Response.Headers.RetryAfter = answer.RetryAfter;
        if (answer.Location is not null) context.Response.Headers.Location = answer.Location;

        lock (_requests) _requests.Add(request);
        _arrived.Release();

        if (answer.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Certificate?.Dispose();
        _arrived.Dispose();
    }
}
