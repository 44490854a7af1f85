using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdeBot.Connector;

/// The one serializer configuration for everything that crosses the Bot Connector wire:
/// camelCase, nulls left out, case-insensitive reads.
public static class ConnectorJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // These bodies go to an API, never into HTML; escaping every Cyrillic or Finnish letter
            // and every '<' of an <at> mention as \uXXXX would only eat into Teams' message size limit.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);
}
