namespace AdeBot.Domain.Tests.Cards;

// Tests that read the official schema are reported as skipped, with the reason, when it is not
// beside the checkout (../shared is not part of the repository). xunit 2 has no runtime skip;
// setting Skip at discovery is its supported equivalent.

public sealed class SchemaFactAttribute : FactAttribute
{
    public SchemaFactAttribute() => Skip = SchemaFile.SkipReason;
}

public sealed class SchemaTheoryAttribute : TheoryAttribute
{
    public SchemaTheoryAttribute() => Skip = SchemaFile.SkipReason;
}

internal static class SchemaFile
{
    public static string? SkipReason => File.Exists(AdaptiveCardSchema.FullPath)
        ? null
        : $"Adaptive Card 1.5 schema not found at {AdaptiveCardSchema.FullPath} ({AdaptiveCardSchema.RelativePath} from the repository root); schema validation skipped.";
}
