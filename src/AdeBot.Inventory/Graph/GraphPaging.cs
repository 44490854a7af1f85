namespace AdeBot.Inventory;

internal static class GraphPaging
{
    /// Follows a nextLink only to the Graph host the tenant is configured for, and never in a loop.
    public static Uri CheckedNextLink(string nextLink, string graphRoot, HashSet<string> followed)
    {
        if (!Uri.TryCreate(nextLink, UriKind.Absolute, out var uri)
            || !string.Equals(uri.GetLeftPart(UriPartial.Authority), graphRoot, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException("Graph sent an @odata.nextLink to another host.");
        if (!followed.Add(uri.AbsoluteUri))
            throw new InvalidDataException("Graph sent the same @odata.nextLink twice.");
        return uri;
    }
}
