using AdeBot.Domain.Tokens;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace AdeBot.Inventory;

/// Reads one tenant's Apple tokens through a GraphServiceClient's request adapter, so every request
/// gets the SDK's handlers (authentication, Retry-After aware retries, redirects, compression).
/// Failures surface as exceptions; TokenInventory turns them into InventoryFailure.
internal sealed class GraphTokenReader(GraphServiceClient client, string graphRoot, TimeSpan requestTimeout, TimeProvider time,
    Microsoft.Extensions.Logging.ILogger logger)
{
    /// Intune allows 2,000 ADE and 3,000 VPP tokens per tenant; a collection far past that means paging went wrong.
    internal const int MaxItemsPerCollection = 10_000;

    /// The tenant's signed-in client, shared with the group membership check (one sign-in, one token cache).
    public GraphServiceClient Client => client;

    /// What the device reads of the same tenant need: the same client, host, timeout and clock.
    public GraphDeviceReader Devices() => new(client, graphRoot, requestTimeout, time);

    private static readonly string AdePath = $"/beta/deviceManagement/depOnboardingSettings?$select={DepOnboardingSettingModel.Select}";
    private static readonly string ApnsPath = $"/v1.0/deviceManagement/applePushNotificationCertificate?$select={ApplePushNotificationCertificateModel.Select}";
    private static readonly string VppPath = $"/v1.0/deviceAppManagement/vppTokens?$select={VppTokenModel.Select}";
    internal const string ConnectorStatusPath = "/beta/deviceManagement/connectorStatus";

    public async Task<TenantSnapshot> ReadAsync(string tenantId, SnapshotSource source, CancellationToken cancellationToken)
    {
        var asOf = time.GetUtcNow();
        var ade = await ReadAllAsync<DepOnboardingSettingModel, AdeToken>(AdePath, m => m.ToToken(), cancellationToken);
        var apns = await ReadApnsAsync(cancellationToken);
        var vpp = await ReadAllAsync<VppTokenModel, VppToken>(VppPath, m => m.ToToken(), cancellationToken);
        var portal = await ReadPortalStatusAsync(tenantId, cancellationToken);
        return new TenantSnapshot(tenantId, source, asOf, ade, apns, vpp) { PortalConnectors = portal };
    }

    /// Intune's connector status, an optional cross-check: its permission is undocumented and it is
    /// beta, so a refusal or any other failure leaves it out (with a log line) instead of failing the read.
    private async Task<IReadOnlyList<PortalConnectorStatus>> ReadPortalStatusAsync(string tenantId, CancellationToken cancellationToken)
    {
        try
        {
            var rows = await ReadAllAsync<ConnectorStatusModel, PortalConnectorStatus?>(ConnectorStatusPath, m => m.ToStatus(), cancellationToken);
            return [.. rows.OfType<PortalConnectorStatus>()];
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = GraphFailures.Cause(ex);
            if (failure.Cause is GraphFailureCause.PermissionMissing or GraphFailureCause.NotFound)
                InventoryLog.PortalStatusNotReadable(logger, tenantId, failure.StatusCode, failure.RequestId);
            else
                InventoryLog.PortalStatusFailed(logger, tenantId, failure.Cause, failure.StatusCode, failure.RequestId);
            return [];
        }
    }

    private async Task<ApnsCertificate?> ReadApnsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var model = await SendAsync(new Uri(graphRoot + ApnsPath), ApplePushNotificationCertificateModel.Create, cancellationToken);
            return (model ?? throw new InvalidDataException("Graph answered the APNs certificate request with no body.")).ToCertificate();
        }
        catch (ApiException ex) when (ex.ResponseStatusCode == 404)
        {
            return null; // No APNs certificate is configured: a finding for the health rules, not a failure.
        }
    }

    private async Task<List<TResult>> ReadAllAsync<TItem, TResult>(string firstPath, Func<TItem, TResult> map, CancellationToken cancellationToken)
        where TItem : IGraphModel<TItem>
    {
        List<TResult> results = [];
        HashSet<string> followed = [];
        Uri? next = new(graphRoot + firstPath);
        while (next is not null)
        {
            var page = await SendAsync(next, GraphPage<TItem>.Create, cancellationToken);
            if (page?.Value is null)
                throw new InvalidDataException($"Graph answered {next.AbsolutePath} without a \"value\" array.");
            foreach (var item in page.Value) results.Add(map(item));
            if (results.Count > MaxItemsPerCollection)
                throw new InvalidDataException($"{next.AbsolutePath} returned more than {MaxItemsPerCollection} items; paging did not end.");
            next = page.NextLink is null ? null : GraphPaging.CheckedNextLink(page.NextLink, graphRoot, followed);
        }
        return results;
    }


    /// POST syncWithAppleDeviceEnrollmentProgram. Never retried, and its 429 does not pause the
    /// tenant: a 429 inside Intune's cooldown is an answer to tell the person, not throttling.
    public async Task<SyncRequestResult> RequestSyncAsync(string adeTokenId, CancellationToken cancellationToken)
    {
        var path = $"/beta/deviceManagement/depOnboardingSettings/{Uri.EscapeDataString(adeTokenId)}/syncWithAppleDeviceEnrollmentProgram";
        var request = new RequestInformation { HttpMethod = Method.POST, URI = new Uri(graphRoot + path) };
        request.Headers.Add("Accept", "application/json");
        request.AddRequestOptions([new Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options.RetryHandlerOption { MaxRetry = 0 }, new RefusalIsTheAnswerOption()]);
        try
        {
            await GraphRequestTimeout.SendAsync(async token =>
            {
                await client.RequestAdapter.SendNoContentAsync(request, cancellationToken: token);
                return true;
            }, "the sync request", requestTimeout, time, cancellationToken);
            return new SyncRequestResult(SyncRequestOutcome.Started);
        }
        catch (ApiException ex) when (ex.ResponseStatusCode is 401 or 403)
        {
            return new SyncRequestResult(SyncRequestOutcome.PermissionMissing);
        }
        catch (ApiException ex)
        {
            var retryAfter = ex.ResponseHeaders.FirstOrDefault(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
            return new SyncRequestResult(SyncRequestOutcome.NotNow,
                int.TryParse(retryAfter, out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : null);
        }
    }

    private Task<T?> SendAsync<T>(Uri uri, ParsableFactory<T> factory, CancellationToken cancellationToken) where T : IParsable
    {
        var request = new RequestInformation { HttpMethod = Method.GET, URI = uri };
        request.Headers.Add("Accept", "application/json");
        return GraphRequestTimeout.SendAsync(token => client.RequestAdapter.SendAsync(request, factory, cancellationToken: token),
            uri.AbsolutePath, requestTimeout, time, cancellationToken);
    }
}
