using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AdeBot.Tests.Packaging;

/// The draft-04 keywords the Teams manifest schemas use for what our manifest holds: $ref, type,
/// const, enum, required, properties, patternProperties, additionalProperties, lengths, pattern,
/// item counts, uniqueItems, items and the allOf/anyOf/oneOf combinators. Formats are not checked.
/// No full JSON Schema validator is available to .NET here; tests/node runs Microsoft's own validator.
internal sealed class JsonSchemaSubset(JsonElement root)
{
    private readonly Dictionary<string, Regex> _patterns = [];

    public static JsonSchemaSubset Load(string path) => new(JsonDocument.Parse(File.ReadAllBytes(path)).RootElement);

    public JsonElement Root => root;

    public IReadOnlyList<string> Validate(JsonElement instance)
    {
        List<string> errors = [];
        Check(root, instance, "", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement instance, string path, List<string> errors)
    {
        if (schema.ValueKind != JsonValueKind.Object) return;
        if (schema.TryGetProperty("$ref", out var reference))
        {
            // Draft-04: a $ref replaces every sibling keyword.
            Check(Resolve(reference.GetString()!), instance, path, errors);
            return;
        }

        var at = path.Length == 0 ? "(root)" : path;
        if (schema.TryGetProperty("type", out var type) && !HasType(instance, type))
        {
            errors.Add($"{at}: expected type {type}, found {instance.ValueKind}");
            return;
        }
        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, instance))
            errors.Add($"{at}: must be {constant.GetRawText()}, found {instance.GetRawText()}");
        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(value => JsonElement.DeepEquals(value, instance)))
            errors.Add($"{at}: {instance.GetRawText()} is not one of {allowed.GetRawText()}");

        switch (instance.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(schema, instance.GetString()!, at, errors);
                break;
            case JsonValueKind.Array:
                CheckArray(schema, instance, path, at, errors);
                break;
            case JsonValueKind.Object:
                CheckObject(schema, instance, path, at, errors);
                break;
        }

        if (schema.TryGetProperty("allOf", out var allOf))
            foreach (var branch in allOf.EnumerateArray()) Check(branch, instance, path, errors);
        if (schema.TryGetProperty("anyOf", out var anyOf) && CountValid(anyOf, instance, path) == 0)
            errors.Add($"{at}: matches none of the anyOf branches");
        if (schema.TryGetProperty("oneOf", out var oneOf) && CountValid(oneOf, instance, path) is var count && count != 1)
            errors.Add($"{at}: matches {count} of the oneOf branches, not exactly one");
    }

    private void CheckString(JsonElement schema, string value, string at, List<string> errors)
    {
        // JSON Schema counts characters as code points, not UTF-16 units.
        var length = value.EnumerateRunes().Count();
        if (schema.TryGetProperty("maxLength", out var max) && length > max.GetInt32())
            errors.Add($"{at}: {length} characters, at most {max.GetInt32()} allowed");
        if (schema.TryGetProperty("minLength", out var min) && length < min.GetInt32())
            errors.Add($"{at}: {length} characters, at least {min.GetInt32()} needed");
        if (schema.TryGetProperty("pattern", out var pattern) && !Pattern(pattern.GetString()!).IsMatch(value))
            errors.Add($"{at}: '{value}' does not match {pattern.GetString()}");
    }

    private void CheckArray(JsonElement schema, JsonElement array, string path, string at, List<string> errors)
    {
        var items = array.EnumerateArray().ToList();
        if (schema.TryGetProperty("maxItems", out var max) && items.Count > max.GetInt32())
            errors.Add($"{at}: {items.Count} items, at most {max.GetInt32()} allowed");
        if (schema.TryGetProperty("minItems", out var min) && items.Count < min.GetInt32())
            errors.Add($"{at}: {items.Count} items, at least {min.GetInt32()} needed");
        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.GetBoolean()
            && items.Select(item => item.GetRawText()).Distinct().Count() != items.Count)
            errors.Add($"{at}: items must be unique");
        if (schema.TryGetProperty("items", out var itemSchema) && itemSchema.ValueKind == JsonValueKind.Object)
            for (var i = 0; i < items.Count; i++) Check(itemSchema, items[i], $"{path}[{i}]", errors);
    }

    private void CheckObject(JsonElement schema, JsonElement instance, string path, string at, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required))
            foreach (var name in required.EnumerateArray().Select(name => name.GetString()!))
                if (!instance.TryGetProperty(name, out _)) errors.Add($"{at}: the required property '{name}' is missing");

        schema.TryGetProperty("properties", out var properties);
        schema.TryGetProperty("patternProperties", out var patternProperties);
        schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in instance.EnumerateObject())
        {
            var childPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            var matched = false;
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                matched = true;
                Check(propertySchema, property.Value, childPath, errors);
            }
            if (patternProperties.ValueKind == JsonValueKind.Object)
            {
                foreach (var candidate in patternProperties.EnumerateObject().Where(candidate => Pattern(candidate.Name).IsMatch(property.Name)))
                {
                    matched = true;
                    Check(candidate.Value, property.Value, childPath, errors);
                }
            }
            if (matched) continue;
            if (additional.ValueKind == JsonValueKind.False)
                errors.Add($"{at}: the property '{property.Name}' is not allowed");
            else if (additional.ValueKind == JsonValueKind.Object)
                Check(additional, property.Value, childPath, errors);
        }
    }

    private int CountValid(JsonElement branches, JsonElement instance, string path) =>
        branches.EnumerateArray().Count(branch =>
        {
            List<string> branchErrors = [];
            Check(branch, instance, path, branchErrors);
            return branchErrors.Count == 0;
        });

    private static bool HasType(JsonElement instance, JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(one => HasType(instance, one))
        : type.GetString() switch
        {
            "object" => instance.ValueKind == JsonValueKind.Object,
            "array" => instance.ValueKind == JsonValueKind.Array,
            "string" => instance.ValueKind == JsonValueKind.String,
            "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "number" => instance.ValueKind == JsonValueKind.Number,
            "integer" => instance.ValueKind == JsonValueKind.Number && instance.TryGetInt64(out _),
            "null" => instance.ValueKind == JsonValueKind.Null,
            var other => throw new NotSupportedException($"Unknown JSON Schema type '{other}'."),
        };

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#", StringComparison.Ordinal))
            throw new NotSupportedException($"Only local references are supported, not '{reference}'.");
        var node = root;
        foreach (var token in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Uri.UnescapeDataString(token).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node.ValueKind == JsonValueKind.Array ? node[int.Parse(name, CultureInfo.InvariantCulture)] : node.GetProperty(name);
        }
        return node;
    }

    private Regex Pattern(string pattern)
    {
        if (!_patterns.TryGetValue(pattern, out var regex))
            _patterns[pattern] = regex = new Regex(pattern, RegexOptions.CultureInvariant);
        return regex;
    }
}
