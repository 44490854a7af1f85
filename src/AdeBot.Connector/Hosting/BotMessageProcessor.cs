using System.Buffers;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AdeBot.Connector;

/// POST /api/messages: size limit, authentication (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication), parsing, dispatch to the
/// host's <see cref="IBotActivityHandler"/>, and the HTTP answer the channel expects (200 with an empty
/// body, or an invoke's own status and body; 401 when authentication fails).
internal sealed class BotMessageProcessor(
    BotTokenValidator validator,
    AuthenticationFailureLog authenticationFailures,
    ConnectorClientFactory clients,
    IOptions<BotOptions> options,
    ILogger<BotMessageProcessor> logger)
{
    private const int ReadChunkBytes = 16 * 1024;

    public async Task ProcessAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var response = http.Response;
        Activity? activity = null;
        try
        {
            var limit = options.Value.MaxRequestBytes;
            var body = await ReadBodyAsync(http.Request, limit, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                Log.RequestTooLarge(logger, limit);
                response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            // A header that is present is validated (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication):
            // an empty one is a bad token, never "no header", so it cannot pass as a local anonymous request.
            var hasAuthorization = http.Request.Headers.TryGetValue(HeaderNames.Authorization, out var authorizationValues);
            var authorization = authorizationValues.ToString();
            if (hasAuthorization && string.IsNullOrWhiteSpace(authorization))
            {
                Reject(response, BotAuthenticationResult.EmptyHeader);
                return;
            }
            var notLocalBecause = hasAuthorization ? null : WhyNotLocalAnonymous(http);
            var isLocalAnonymous = !hasAuthorization && notLocalBecause is null;
            if (!hasAuthorization && !isLocalAnonymous)
            {
                Reject(response, options.Value.AllowUnauthenticatedLocalRequests
                    ? BotAuthenticationResult.Fail(BotAuthFailure.MissingHeader, $"no Authorization header, and the request is not local: {notLocalBecause}")
                    : BotAuthenticationResult.MissingHeader);
                return;
            }

            activity = Parse(body, out var malformed);
            if (activity is null)
            {
                Log.MalformedActivity(logger, malformed);
                response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            ClaimsIdentity? identity = null;
            if (isLocalAnonymous)
            {
                Log.LocalAnonymousAccepted(logger, LogSanitizer.Clean(activity.Type));
            }
            else
            {
                var authentication = await validator.ValidateAsync(authorization, activity, cancellationToken).ConfigureAwait(false);
                if (!authentication.IsAuthenticated)
                {
                    Reject(response, authentication);
                    return;
                }
                identity = authentication.Identity;
            }

            if (!clients.TryCreate(activity.ServiceUrl, isLocalAnonymous, out var connector, out _))
            {
                response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            var handler = http.RequestServices.GetRequiredService<IBotActivityHandler>();
            var turn = new TurnContext(activity, identity, isLocalAnonymous, connector);
            var invokeResponse = await handler.OnActivityAsync(turn, cancellationToken).ConfigureAwait(false);
            await WriteAnswerAsync(response, activity, invokeResponse, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.RequestAborted(logger, LogSanitizer.Clean(activity?.Type));
        }
        catch (ActivityNotAcceptedException ex)
        {
            Log.ActivityNotAccepted(logger, LogSanitizer.Clean(activity?.Type), ex.RetryAfter, ex.InnerException);
            if (!response.HasStarted)
            {
                response.Clear();
                response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(ex.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        catch (BadHttpRequestException ex)
        {
            Log.MalformedActivity(logger, "the request body could not be read");
            if (!response.HasStarted) response.StatusCode = ex.StatusCode;
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(logger, LogSanitizer.Clean(activity?.Type), ex);
            if (!response.HasStarted)
            {
                response.Clear();
                response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }
    }

    private static async Task WriteAnswerAsync(HttpResponse response, Activity activity, InvokeResponse? invokeResponse, CancellationToken cancellationToken)
    {
        if (!activity.IsType(ActivityTypes.Invoke))
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }
        if (invokeResponse is null)
        {
            response.StatusCode = StatusCodes.Status501NotImplemented;
            return;
        }

        response.StatusCode = invokeResponse.Status;
        if (invokeResponse.Body is { } body)
        {
            response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(response.Body, body, ConnectorJson.Options, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Reject(HttpResponse response, BotAuthenticationResult result)
    {
        authenticationFailures.Record(result.Failure!.Value, result.Detail);
        response.StatusCode = result.StatusCode;
        if (result.StatusCode == StatusCodes.Status401Unauthorized) response.Headers.WWWAuthenticate = "Bearer";
    }

    // Content-Length can be absent (chunked) or wrong, so the limit is enforced on the bytes read, and
    // the buffer grows (pooled) only as bytes arrive: a large announced length costs nothing until sent.
    internal static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;

        var pool = ArrayPool<byte>.Shared;
        var buffer = pool.Rent(ReadChunkBytes);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = pool.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    pool.Return(buffer);
                    buffer = larger;
                }
                // One byte past the limit is enough to know the body is too large.
                var room = Math.Min(buffer.Length, limit + 1) - length;
                var read = await request.Body.ReadAsync(buffer.AsMemory(length, room), cancellationToken).ConfigureAwait(false);
                if (read == 0) return buffer.AsSpan(0, length).ToArray();
                length += read;
                if (length > limit) return null;
            }
        }
        finally
        {
            pool.Return(buffer);
        }
    }

    private static Activity? Parse(byte[] body, out string problem)
    {
        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(body, ConnectorJson.Options);
            if (activity is null)
            {
                problem = "the body is not a JSON object";
                return null;
            }
            if (string.IsNullOrWhiteSpace(activity.Type))
            {
                problem = "the activity has no type";
                return null;
            }
            // Every activity a channel sends belongs to a conversation; without one there is nobody
            // to answer and nothing to key it by, so it is refused here rather than failing later.
            if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
            {
                problem = "the activity has no conversation";
                return null;
            }
            problem = string.Empty;
            return activity;
        }
        catch (JsonException)
        {
            problem = "the body is not valid activity JSON";
            return null;
        }
    }

    /// Headers any common proxy, tunnel, load balancer or mesh sidecar adds. A proxy on the same
    /// machine makes every caller look local, so a request carrying one never qualifies.
    internal static readonly IReadOnlyList<string> ProxyHeaders =
    [
        "X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Original-For",
        "Via", "CF-Connecting-IP", "True-Client-IP", "X-Client-IP", "X-Envoy-External-Address",
    ];

    // Null when the request may be served anonymously in local mode; otherwise why not (for the log).
    // A plain TCP forwarder (ssh -R, socat) adds no header, but it cannot make a browser or tunnel
    // send a loopback Host, and the connection must also have arrived on a loopback address.
    private string? WhyNotLocalAnonymous(HttpContext http)
    {
        if (!options.Value.AllowUnauthenticatedLocalRequests) return "local mode is off";
        var headers = http.Request.Headers;
        if (ProxyHeaders.FirstOrDefault(headers.ContainsKey) is { } forwarded) return $"it was forwarded ({forwarded})";
        if (!IsLoopback(http.Connection.RemoteIpAddress)) return "the caller is not on loopback";
        if (!IsLoopback(http.Connection.LocalIpAddress)) return "it arrived on an address other than loopback";
        if (!IsLoopbackHost(http.Request.Host.Host)) return "its Host header is not a loopback name";
        return null;
    }

    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    internal static bool IsLoopbackHost(string? host)
    {
        if (string.IsNullOrEmpty(host)) return false;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsLoopback(address);
    }
}
