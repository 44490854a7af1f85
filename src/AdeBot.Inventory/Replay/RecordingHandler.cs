using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdeBot.Inventory;

/// The innermost HTTP handler for the sample and replays: answers from a recording instead of the
/// network, underneath the Graph SDK's own handlers, so replayed data takes Graph's code path.
/// An answer is held back for its entry's delayMs, or `latency` when the entry has none, on the
/// injected clock, so a benchmark can model real Graph and a test can step through it.
internal sealed class RecordingHandler(Func<RecordedAnswers> answers, TimeProvider? time = null, TimeSpan latency = default) : HttpMessageHandler
{
    public RecordingHandler(RecordedAnswers answers, TimeProvider? time = null, TimeSpan latency = default) : this(() => answers, time, latency) { }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("A request without a URI cannot be replayed.");
        var answer = answers().Find(request.Method, uri);
        var delay = answer?.Delay ?? latency;
        if (delay > TimeSpan.Zero) await Task.Delay(delay, time ?? TimeProvider.System, cancellationToken);
        return answer?.ToResponse(request) ?? NotRecorded(request, uri);
    }

    private static HttpResponseMessage NotRecorded(HttpRequestMessage request, Uri uri)
    {
        var error = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = "ResourceNotFound",
                ["message"] = $"The recording has no response for {request.Method} {uri.AbsolutePath}{uri.Query}.",
            },
        };
        return new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            RequestMessage = request,
            Content = new StringContent(error.ToJsonString(), Encoding.UTF8, "application/json"),
        };
    }
}

/// A recording indexed for matching: method, URL path (case-insensitive) and the paging parameters
/// $skiptoken and $skip, which must be equal on both sides (absent on one side = absent on the other,
/// so a page-2 request never matches the page-1 answer). Other query parameters are ignored.
/// The first matching entry wins.
internal sealed class RecordedAnswers
{
    private readonly List<RecordedAnswer> _answers;

    public RecordedAnswers(GraphRecording recording) =>
        _answers = [.. recording.Responses.Select(r => new RecordedAnswer(r))];

    public RecordedAnswer? Find(HttpMethod method, Uri uri)
    {
        var key = RecordedRequestKey.Of(method.Method, uri);
        return _answers.FirstOrDefault(a => a.Key == key);
    }
}

internal sealed class RecordedAnswer
{
    private readonly int _status;
    private readonly KeyValuePair<string, string>[] _headers;
    private readonly byte[]? _body;

    public RecordedAnswer(RecordedResponse response)
    {
        Key = RecordedRequestKey.Of(response.Method, new Uri(RecordedRequestKey.BaseForRelative, response.Url));
        _status = response.Status;
        Delay = response.DelayMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null;
        _headers = [.. response.Headers ?? new Dictionary<string, string>()];
        // Serialized once, so serving a large replay costs what reading it from Graph would.
        _body = response.Body switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => Encoding.UTF8.GetBytes(value.GetValue<string>()),
            var json => JsonSerializer.SerializeToUtf8Bytes(json),
        };
    }

    public RecordedRequestKey Key { get; }

    /// The entry's own delay; null means the replay's default latency.
    public TimeSpan? Delay { get; }

    public HttpResponseMessage ToResponse(HttpRequestMessage request)
    {
        var response = new HttpResponseMessage((HttpStatusCode)_status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(_body ?? []),
        };
        foreach (var (name, value) in _headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
                response.Content.Headers.TryAddWithoutValidation(name, value);
        }
        if (_body is not null && response.Content.Headers.ContentType is null)
            response.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        return response;
    }
}

internal readonly record struct RecordedRequestKey(string Method, string Path, string? SkipToken, string? Skip)
{
    /// Recordings may hold paths only; the host is not part of the match.
    public static readonly Uri BaseForRelative = new("https://graph.microsoft.com");

    public static RecordedRequestKey Of(string method, Uri uri)
    {
        string? skipToken = null, skip = null;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(separator < 0 ? pair : pair[..separator]);
            var value = separator < 0 ? "" : Uri.UnescapeDataString(pair[(separator + 1)..]);
            if (name.Equals("$skiptoken", StringComparison.OrdinalIgnoreCase)) skipToken = value;
            else if (name.Equals("$skip", StringComparison.OrdinalIgnoreCase)) skip = value;
        }
        var path = Uri.UnescapeDataString(uri.AbsolutePath).TrimEnd('/').ToUpperInvariant();
        return new(method.ToUpperInvariant(), path, skipToken, skip);
    }
}
