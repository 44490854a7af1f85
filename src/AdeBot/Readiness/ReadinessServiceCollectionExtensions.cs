using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdeBot.Readiness;

/// `/healthz` is liveness (the process answers: restart it when it does not); `/readyz` is
/// readiness (send it traffic only when it is ready): the database, the bot credential and the
/// Graph credentials, answered as JSON that names what is not ready, 503 until it all is.
public static class ReadinessServiceCollectionExtensions
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddReadiness(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseReadinessCheck>("database", tags: [ReadyTag])
            .AddCheck<BotCredentialReadinessCheck>("botCredential", tags: [ReadyTag])
            .AddCheck<GraphCredentialsReadinessCheck>("graphCredentials", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteJsonAsync,
        });
        return endpoints;
    }

    /// `{ "status": "Unhealthy", "checks": [ { "name", "status", "description" } ] }`: the checks'
    /// own descriptions only, never an exception's text.
    private static async Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description ?? (entry.Exception is null ? null : "the check failed; the log says why"));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
