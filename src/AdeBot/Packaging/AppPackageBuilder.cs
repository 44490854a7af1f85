using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AdeBot.Packaging;

public sealed class AppPackageException(string message) : Exception(message);

/// Turns the manifest template folder into a Teams app package: manifest.json and every file it
/// names (icons, localization files) at the zip root, with the placeholders filled in.
public static partial class AppPackageBuilder
{
    public const string ManifestFileName = "manifest.json";

    // A fixed entry time makes the same template and values give byte-identical packages.
    private static readonly DateTimeOffset EntryTimestamp = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// Writes the package to <paramref name="outputPath"/> and returns the names of its entries.
    public static async Task<IReadOnlyList<string>> BuildAsync(
        string templateFolder, AppPackageValues values, string outputPath, CancellationToken cancellationToken = default)
    {
        var files = await RenderAsync(templateFolder, values, cancellationToken);

        // Written beside the target and moved into place, so a failure never leaves half a zip behind.
        var fullOutputPath = Path.GetFullPath(outputPath);
        var temporaryPath = Path.Combine(Path.GetDirectoryName(fullOutputPath)!, $".{Path.GetFileName(fullOutputPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            await using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                foreach (var (name, content) in files)
                {
                    var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                    entry.LastWriteTime = EntryTimestamp;
                    await using var entryStream = await entry.OpenAsync(cancellationToken);
                    await entryStream.WriteAsync(content, cancellationToken);
                }
            }
            File.Move(temporaryPath, fullOutputPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporaryPath);
        }
        return [.. files.Select(file => file.Name)];
    }

    /// The package's files in zip order (manifest first), with the placeholders filled in.
    public static async Task<IReadOnlyList<(string Name, byte[] Content)>> RenderAsync(
        string templateFolder, AppPackageValues values, CancellationToken cancellationToken = default)
    {
        var manifestPath = Path.Combine(templateFolder, ManifestFileName);
        if (!File.Exists(manifestPath))
            throw new AppPackageException($"The manifest template {manifestPath} does not exist.");

        var manifest = Fill(ManifestFileName, await File.ReadAllTextAsync(manifestPath, cancellationToken), values);
        List<(string Name, byte[] Content)> files = [(ManifestFileName, Encoding.UTF8.GetBytes(manifest))];

        foreach (var name in ReferencedFiles(manifest))
        {
            var path = Path.Combine(templateFolder, name);
            if (!File.Exists(path))
                throw new AppPackageException($"{ManifestFileName} names '{name}', but {path} does not exist.");

            var content = IsJson(name)
                ? Encoding.UTF8.GetBytes(Fill(name, await File.ReadAllTextAsync(path, cancellationToken), values))
                : await File.ReadAllBytesAsync(path, cancellationToken);
            files.Add((name, content));
        }
        return files;
    }

    private static string Fill(string fileName, string template, AppPackageValues values)
    {
        var filled = template;
        foreach (var (name, value) in values.Placeholders)
        {
            // Every template file is JSON and the placeholders sit inside JSON strings.
            filled = filled.Replace("{{" + name + "}}", JsonEncodedText.Encode(value).ToString(), StringComparison.Ordinal);
        }

        if (filled.Contains("{{", StringComparison.Ordinal))
        {
            var left = Placeholder().Matches(filled).Select(match => match.Value).Distinct().ToList();
            throw new AppPackageException(
                $"{fileName} still contains {(left.Count > 0 ? string.Join(", ", left) : "'{{'")} after filling in "
                + $"{string.Join(", ", values.Placeholders.Keys.Select(key => "{{" + key + "}}"))}.");
        }
        return filled;
    }

    private static IEnumerable<string> ReferencedFiles(string manifestJson)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(manifestJson);
        }
        catch (JsonException exception)
        {
            throw new AppPackageException($"{ManifestFileName} is not valid JSON: {exception.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            List<string> names = [];
            if (root.TryGetProperty("icons", out var icons) && icons.ValueKind == JsonValueKind.Object)
                names.AddRange(icons.EnumerateObject().Where(icon => icon.Value.ValueKind == JsonValueKind.String).Select(icon => icon.Value.GetString()!));
            if (root.TryGetProperty("localizationInfo", out var localization) && localization.ValueKind == JsonValueKind.Object)
            {
                if (localization.TryGetProperty("defaultLanguageFile", out var defaultFile) && defaultFile.ValueKind == JsonValueKind.String)
                    names.Add(defaultFile.GetString()!);
                if (localization.TryGetProperty("additionalLanguages", out var languages) && languages.ValueKind == JsonValueKind.Array)
                    names.AddRange(languages.EnumerateArray()
                        .Where(language => language.TryGetProperty("file", out var file) && file.ValueKind == JsonValueKind.String)
                        .Select(language => language.GetProperty("file").GetString()!));
            }

            var distinct = names.Distinct(StringComparer.Ordinal).ToList();
            foreach (var name in distinct)
            {
                // Teams looks for these files next to manifest.json; a folder in the path breaks the upload.
                if (name.Length == 0 || name != Path.GetFileName(name) || name.Contains('/') || name.Contains('\\') || name == ManifestFileName)
                    throw new AppPackageException($"{ManifestFileName} names '{name}'; package files must be plain file names at the zip root.");
            }
            return distinct;
        }
    }

    private static bool IsJson(string name) => name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\{\{[^{}]*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
