using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Polly;

namespace AdeBot.Connector;

/// Bot → Connector REST calls (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference) for one trusted serviceUrl. Obtain one from a turn
/// (<see cref="TurnContext.Connector"/>) or from <see cref="ConnectorClientFactory.ForStoredReference"/>;
/// it cannot be pointed at an arbitrary URL.
public sealed class ConnectorClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly TrustedServiceUrl _serviceUrl;
    private readonly BotTokenProvider _tokens;
    private readonly ConnectorPipelines _pipelines;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConnectorCallObserver _observer;

    internal ConnectorClient(HttpClient http, TrustedServiceUrl serviceUrl, BotTokenProvider tokens, ConnectorPipelines pipelines,
        TimeProvider time, ILogger logger, ConnectorCallObserver? observer = null)
    {
        _observer = observer ?? ConnectorCallObserver.None;
        _http = http;
        _serviceUrl = serviceUrl;
        _tokens = tokens;
        _pipelines = pipelines;
        _time = time;
        _logger = logger;
    }

    public Uri ServiceUrl => _serviceUrl.BaseUri;

    public Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        SendToConversationAsync(conversationId, activity, ConnectorDelivery.Proactive, cancellationToken);

    public Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(string conversationId, Activity activity, ConnectorDelivery delivery, CancellationToken cancellationToken = default) =>
        CallAsync<ResourceResponse>(nameof(SendToConversationAsync), HttpMethod.Post, ActivitiesPath(conversationId), Serialize(activity), cancellationToken, delivery);

    public Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        ReplyToActivityAsync(conversationId, activityId, activity, ConnectorDelivery.Proactive, cancellationToken);

    public Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, ConnectorDelivery delivery, CancellationToken cancellationToken = default) =>
        CallAsync<ResourceResponse>(nameof(ReplyToActivityAsync), HttpMethod.Post, ActivitiesPath(conversationId, activityId),
            Serialize(activity with { ReplyToId = activity.ReplyToId ?? activityId }), cancellationToken, delivery);

    public Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        CallAsync<ResourceResponse>(nameof(UpdateActivityAsync), HttpMethod.Put, ActivitiesPath(conversationId, activityId),
            Serialize(activity with { Id = activityId }), cancellationToken);

    public async Task<ConnectorResult> DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        await CallAsync<ResourceResponse>(nameof(DeleteActivityAsync), HttpMethod.Delete, ActivitiesPath(conversationId, activityId), body: null, cancellationToken)
            .ConfigureAwait(false);

    public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        CallAsync<ConversationResourceResponse>(nameof(CreateConversationAsync), HttpMethod.Post, "v3/conversations", Serialize(parameters), cancellationToken);

    // Teams ids contain ':', '@' and ';' (and thread ids ";messageid="), so each id is one escaped segment.
    private static string ActivitiesPath(string conversationId, string? activityId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (activityId is null) return path;
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        return $"{path}/{Uri.EscapeDataString(activityId)}";
    }

    private static byte[] Serialize<T>(T body) => JsonSerializer.SerializeToUtf8Bytes(body, ConnectorJson.Options);

    private async Task<ConnectorResult<T>> CallAsync<T>(string operation, HttpMethod method, string relativePath, byte[]? body, CancellationToken cancellationToken,
        ConnectorDelivery delivery = ConnectorDelivery.Proactive)
    {
        var started = _time.GetTimestamp();
        var result = await CallOnceObservedAsync<T>(operation, method, relativePath, body, cancellationToken, delivery).ConfigureAwait(false);
        _observer.CallCompleted(operation, delivery, result.Status, result.HttpStatusCode, _time.GetElapsedTime(started));
        return result;
    }

    private async Task<ConnectorResult<T>> CallOnceObservedAsync<T>(string operation, HttpMethod method, string relativePath, byte[]? body, CancellationToken cancellationToken,
        ConnectorDelivery delivery)
    {
        var uri = new Uri(_serviceUrl.BaseUri, relativePath);
        // Ids are escaped, so a relative path cannot leave the trusted origin; this keeps it that way.
        if (Uri.Compare(uri, _serviceUrl.BaseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            throw new InvalidOperationException("A Connector request left the trusted serviceUrl.");

        HttpResponseMessage response;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ConnectorRetry.Target, new ConnectorCallTarget(operation, uri.Host));
        try
        {
            response = await _pipelines.For(delivery).ExecuteAsync(
                static async (ctx, state) =>
                {
                    using var request = await state.Self.CreateRequestAsync(state.Method, state.Uri, state.Body, ctx.CancellationToken).ConfigureAwait(false);
                    return await state.Self._http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                (Self: this, Method: method, Uri: uri, Body: body)).ConfigureAwait(false);
        }
        catch (AuthenticationFailedException ex)
        {
            Log.TokenAcquisitionFailed(_logger, ex);
            return new(ConnectorStatus.Failed, default, ErrorCode: ConnectorErrorCodes.TokenAcquisitionFailed);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.TransportFailed(_logger, operation, uri.Host, ex);
            return new(ConnectorStatus.Failed, default, ErrorCode: ConnectorErrorCodes.TransportFailed);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return new(ConnectorStatus.Ok, await ReadJsonAsync<T>(response, cancellationToken).ConfigureAwait(false), status);

            var errorCode = (await ReadJsonAsync<ErrorResponse>(response, cancellationToken).ConfigureAwait(false))?.Error?.Code;
            Log.ConnectorCallFailed(_logger, operation, uri.Host, status, errorCode is null ? null : LogSanitizer.Clean(errorCode));
            var retryAfter = response.StatusCode == HttpStatusCode.TooManyRequests ? ConnectorRetry.GetRetryAfter(response, _time) : null;
            return new(Classify(response.StatusCode, errorCode), default, status, errorCode, retryAfter);
        }
    }

    private async Task<HttpRequestMessage> CreateRequestAsync(HttpMethod method, Uri uri, byte[]? body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, uri);
        if (body is not null)
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = JsonContentType } };
        if (_serviceUrl.SendsToken)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false));
        return request;
    }

    internal static ConnectorStatus Classify(HttpStatusCode status, string? errorCode) => status switch
    {
        HttpStatusCode.Forbidden when errorCode == ConnectorErrorCodes.InvalidBotApiHost => ConnectorStatus.Failed,
        HttpStatusCode.Forbidden => ConnectorStatus.BotRemoved,
        HttpStatusCode.NotFound when errorCode == ConnectorErrorCodes.ActivityNotFoundInConversation => ConnectorStatus.ActivityNotFound,
        HttpStatusCode.NotFound => ConnectorStatus.ConversationNotFound,
        HttpStatusCode.TooManyRequests => ConnectorStatus.Throttled,
        _ => ConnectorStatus.Failed,
    };

    // The body is best effort: a send that succeeded is Ok even if its answer is empty or odd.
    private static async Task<TBody?> ReadJsonAsync<TBody>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0) return default;
        try
        {
            return JsonSerializer.Deserialize<TBody>(bytes, ConnectorJson.Options);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
