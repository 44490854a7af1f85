using System.Net;

namespace AdeBot.Site;

/// The pages the Teams manifest links to (developer website, privacy statement, terms of use).
/// Plain, static and short: a bot's host needs to answer them, and an admin should be able to read
/// in one screen what AdeBot keeps.
public static class SitePages
{
    public static IEndpointRouteBuilder MapSitePages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Page("AdeBot", """
            <p>AdeBot is a Microsoft Teams bot for Intune administrators. It reads the tenant's Apple
            Automated Device Enrollment (ADE/DEP) tokens, Apple MDM push certificate and Apps and Books (VPP)
            tokens from Microsoft Graph, tells you which need attention and how to fix them, in English,
            Finnish or Ukrainian, and alerts you before a token expires or when a sync breaks.</p>
            <p>Ask it in Teams: <em>are my ADE tokens healthy?</em></p>
            """));
        endpoints.MapGet("/privacy", () => Page("AdeBot privacy statement", """
            <p>AdeBot reads, with the application permission DeviceManagementServiceConfig.Read.All, the
            metadata of the tenant's Apple enrollment tokens: names, Apple IDs, expiry and sync dates, sync
            error codes and states. It never reads or stores the tokens themselves.</p>
            <p>It stores, in its own database, the Teams conversations it was installed in (tenant,
            conversation and user ids, the service address and the language), whether each conversation wants
            alerts, and which alerts it has already sent, so none is sent twice. Uninstalling AdeBot from a
            conversation deletes that conversation's data.</p>
            <p>Token data is cached in memory for a few minutes. Nothing is sent anywhere but Microsoft Graph
            and the Microsoft Teams Bot Connector.</p>
            """));
        endpoints.MapGet("/terms", () => Page("AdeBot terms of use", """
            <p>AdeBot reports what Microsoft Graph says about your Apple tokens and suggests remediation steps
            from Microsoft's documentation. Check important changes in the Intune admin center and in Apple
            Business or Apple School Manager before you act on them. The software is provided as is.</p>
            """));
        return endpoints;
    }

    private static IResult Page(string title, string body) =>
        Results.Content(
            $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)}</title></head>
            <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; line-height: 1.5">
            <h1>{WebUtility.HtmlEncode(title)}</h1>
            {body}
            </body></html>
            """,
            "text/html; charset=utf-8");
}
