using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AdeBot.Telemetry;

/// Who may scrape GET /metrics: a caller on loopback that came through no proxy, or one that sends
/// the configured bearer key. Others get 401 (with a key configured) or 403 (without one).
internal static class MetricsEndpointGuard
{
    public static async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (IsDirectLoopback(http) || HasKey(http, options.PrometheusKey))
        {
            await next(http);
            return;
        }
        if (string.IsNullOrEmpty(options.PrometheusKey))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = "Bearer";
    }

    // A proxy on the same machine would make every caller look local, so forwarded requests never qualify.
    private static bool IsDirectLoopback(HttpContext http)
    {
        if (http.Request.Headers.ContainsKey("X-Forwarded-For") || http.Request.Headers.ContainsKey("Forwarded")) return false;
        if (http.Connection.RemoteIpAddress is not { } remote) return false;
        return IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);
    }

    private static bool HasKey(HttpContext http, string? key)
    {
        if (string.IsNullOrEmpty(key)) return false;
        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(key));
    }
}
