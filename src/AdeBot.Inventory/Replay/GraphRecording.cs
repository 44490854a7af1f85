using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AdeBot.Inventory;

/// Recorded Graph answers, replayed instead of calling Graph: the built-in sample tenant and the
/// file named by Graph:ReplayPath use this one format.
/// `{ "responses": [ { "method", "url", "status", "headers", "body", "delayMs" } ] }`
public sealed record GraphRecording(IReadOnlyList<RecordedResponse> Responses)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static GraphRecording Load(string path)
    {
        using var file = File.OpenRead(path);
        return Read(file);
    }

    /// Throws InvalidDataException, naming the entry, when the text is not a valid recording.
    public static GraphRecording Read(Stream utf8Json)
    {
        GraphRecording? recording;
        try
        {
            recording = JsonSerializer.Deserialize<GraphRecording>(utf8Json, Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"not valid JSON ({ex.Message})", ex);
        }
        if (recording?.Responses is null)
            throw new InvalidDataException("the top-level object needs a \"responses\" array");
        for (var i = 0; i < recording.Responses.Count; i++)
        {
            var response = recording.Responses[i];
            if (response is null || string.IsNullOrWhiteSpace(response.Method) || string.IsNullOrWhiteSpace(response.Url))
                throw new InvalidDataException($"responses[{i}] needs \"method\" and \"url\"");
            if (response.Status is < 100 or > 599)
                throw new InvalidDataException($"responses[{i}] has status {response.Status}; expected an HTTP status code");
            if (!Uri.TryCreate(RecordedRequestKey.BaseForRelative, response.Url, out _))
                throw new InvalidDataException($"responses[{i}] has a url that is not a URL: {response.Url}");
            if (response.DelayMs is < 0)
                throw new InvalidDataException($"responses[{i}] has delayMs {response.DelayMs}; expected zero or more milliseconds");
        }
        return recording;
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        Write(file);
    }

    public void Write(Stream utf8Json) => JsonSerializer.Serialize(utf8Json, this, Json);
}

/// One recorded answer. `Url` is absolute or a path such as /beta/deviceManagement/depOnboardingSettings.
/// `Body` is the JSON body; a JSON string is sent as raw text, which is how a recording holds an answer
/// that is not JSON. Without a Content-Type header a body is sent as application/json. `DelayMs`, when
/// set, is how long this answer takes instead of Graph:ReplayLatencyMilliseconds, so a recording can
/// model a slow page or a slow tenant.
public sealed record RecordedResponse(
    string Method,
    string Url,
    int Status,
    IReadOnlyDictionary<string, string>? Headers = null,
    JsonNode? Body = null,
    int? DelayMs = null);
