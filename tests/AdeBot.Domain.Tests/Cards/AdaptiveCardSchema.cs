using System.Text.Json;

namespace AdeBot.Domain.Tests.Cards;

/// Checks card JSON against the official Adaptive Card 1.5 schema for the subset of JSON Schema our
/// cards touch: `$ref`, `anyOf`, `allOf` inheritance, `required`, `additionalProperties: false`,
/// `enum`, `type` and `items`. Elements and actions are matched to their definition by `type`.
/// Enumerations must be written exactly as the schema's `enum` lists them: the case-insensitive
/// `pattern` alternatives the schema also allows are not accepted, so our casing stays canonical.
internal sealed class AdaptiveCardSchema(JsonElement root)
{
    public const string RelativePath = "../shared/schemas/adaptive-card-1.5/adaptive-card.json";

    private readonly JsonElement _definitions = root.GetProperty("definitions");

    public static string FullPath => Path.GetFullPath(Path.Combine(RepositoryFiles.Root, RelativePath));

    public static AdaptiveCardSchema Load() => new(JsonDocument.Parse(File.ReadAllText(FullPath)).RootElement);

    public bool Defines(string definition) => _definitions.TryGetProperty(definition, out _);

    /// Every violation, with the JSON path where it occurs; empty when the card conforms.
    public List<string> Validate(JsonElement card)
    {
        List<string> errors = [];
        CheckDefinition(card, "AdaptiveCard", "$", errors, allowTeams: true);
        return errors;
    }

    private void Check(JsonElement value, JsonElement schema, string path, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/definitions/".Length..];
            if (_definitions.GetProperty(name).TryGetProperty("anyOf", out var implementations) && IsTypedUnion(implementations))
            {
                CheckTyped(value, name, implementations, path, errors);
            }
            else
            {
                CheckDefinition(value, name, path, errors, allowTeams: false);
            }
            return;
        }

        if (schema.TryGetProperty("anyOf", out var alternatives))
        {
            List<List<string>> failures = [];
            foreach (var alternative in alternatives.EnumerateArray().Where(a => !IsPatternOnly(a)))
            {
                List<string> attempt = [];
                Check(value, alternative, path, attempt);
                if (attempt.Count == 0) return;
                failures.Add(attempt);
            }
            errors.Add($"{path}: matches none of its alternatives ({string.Join("; ", failures.MinBy(f => f.Count) ?? [])})");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed))
        {
            if (!allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value))) errors.Add($"{path}: {value} is not one of {allowed}");
            return;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            CheckType(value, type.GetString()!, schema, path, errors);
        }
    }

    private void CheckType(JsonElement value, string type, JsonElement schema, string path, List<string> errors)
    {
        var ok = type switch
        {
            "string" => value.ValueKind == JsonValueKind.String,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "number" or "integer" => value.ValueKind == JsonValueKind.Number,
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "null" => value.ValueKind == JsonValueKind.Null,
            _ => false,
        };
        if (!ok)
        {
            errors.Add($"{path}: expected {type}, found {value.ValueKind}");
            return;
        }
        if (type == "array" && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray()) Check(item, items, $"{path}[{i++}]", errors);
        }
    }

    /// ImplementationsOf.Element / .Action: the alternative is chosen by the value's `type`.
    private void CheckTyped(JsonElement value, string union, JsonElement implementations, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("type", out var type))
        {
            errors.Add($"{path}: a {union} needs a type");
            return;
        }
        var definition = implementations.EnumerateArray()
            .Select(a => a.GetProperty("allOf")[0].GetProperty("$ref").GetString()!["#/definitions/".Length..])
            .FirstOrDefault(name => name == type.GetString());
        if (definition is null) errors.Add($"{path}: type {type} is not one of {union}");
        else CheckDefinition(value, definition, path, errors, allowTeams: false);
    }

    private void CheckDefinition(JsonElement value, string name, string path, List<string> errors, bool allowTeams)
    {
        var definition = _definitions.GetProperty(name);
        if (definition.TryGetProperty("anyOf", out _) && !definition.TryGetProperty("properties", out _))
        {
            Check(value, definition, path, errors);
            return;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: a {name} must be an object");
            return;
        }

        if (definition.TryGetProperty("required", out var required))
        {
            foreach (var property in required.EnumerateArray().Select(r => r.GetString()!).Where(r => !value.TryGetProperty(r, out _)))
            {
                errors.Add($"{path}: {name} requires {property}");
            }
        }

        var closed = definition.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
        foreach (var property in value.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            if (allowTeams && property.Name == "msteams")
            {
                CheckTeams(property.Value, at, errors);
                continue;
            }
            // A closed definition lists every property it allows, inherited ones included.
            var declared = closed ? OwnProperty(definition, property.Name) : Declares(definition, property.Name);
            if (!declared) errors.Add($"{at}: {name} has no property {property.Name}");
            else if (PropertySchema(definition, property.Name) is { } schema) Check(property.Value, schema, at, errors);
        }
    }

    /// Teams' only card-level extension we use: `msteams: { width: "Full" }` (not in the schema).
    private static void CheckTeams(JsonElement value, string path, List<string> errors)
    {
        var names = value.ValueKind == JsonValueKind.Object ? value.EnumerateObject().Select(p => p.Name).ToList() : [];
        if (names is not ["width"] || value.GetProperty("width").GetString() != "Full") errors.Add($"{path}: expected {{\"width\":\"Full\"}}, found {value}");
    }

    /// The schema of a property: the definition's own, unless it is the empty placeholder `{}` that
    /// definitions use for inherited properties; then the one in the `allOf` chain.
    private JsonElement? PropertySchema(JsonElement definition, string property)
    {
        if (definition.TryGetProperty("properties", out var properties)
            && properties.TryGetProperty(property, out var own)
            && own.EnumerateObject().Any())
        {
            return own;
        }
        foreach (var parent in Parents(definition))
        {
            if (PropertySchema(parent, property) is { } inherited) return inherited;
        }
        return null;
    }

    private bool Declares(JsonElement definition, string property) =>
        OwnProperty(definition, property) || Parents(definition).Any(parent => Declares(parent, property));

    private static bool OwnProperty(JsonElement definition, string property) =>
        definition.TryGetProperty("properties", out var properties) && properties.TryGetProperty(property, out _);

    private IEnumerable<JsonElement> Parents(JsonElement definition) =>
        definition.TryGetProperty("allOf", out var allOf)
            ? allOf.EnumerateArray()
                .Where(a => a.TryGetProperty("$ref", out _))
                .Select(a => _definitions.GetProperty(a.GetProperty("$ref").GetString()!["#/definitions/".Length..]))
            : [];

    private static bool IsTypedUnion(JsonElement alternatives) =>
        alternatives.EnumerateArray().All(a => a.TryGetProperty("allOf", out var allOf) && allOf[0].TryGetProperty("$ref", out _));

    private static bool IsPatternOnly(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.EnumerateObject().All(p => p.Name is "pattern" or "description");
}
