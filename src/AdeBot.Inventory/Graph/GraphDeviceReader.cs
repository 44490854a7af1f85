using AdeBot.Domain.Devices;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace AdeBot.Inventory;

/// The device reads of one tenant (GET only), through the tenant's GraphServiceClient like the
/// token reads. Each request is retried by GraphBackoff rather than the SDK, and times out after
/// Graph:RequestTimeoutSeconds per attempt.
internal sealed class GraphDeviceReader(GraphServiceClient client, string graphRoot, TimeSpan requestTimeout, TimeProvider time)
{
    /// A serial search that pages on past this has gone wrong (Graph ignoring the filter on a big token).
    internal const int MaxPagesPerSearch = 50;

    private const string Tokens = "/beta/deviceManagement/depOnboardingSettings";
    private readonly GraphBackoff _backoff = new(time);

    /// The token's ADE records of `serial`: `contains` narrows the search on Graph's side, and only
    /// an exact match (trimmed, upper-case) counts, so a filter Graph applies loosely, or ignores,
    /// never yields another device.
    public async Task<List<AdeDeviceRecord>> FindOnTokenAsync(string tokenId, string serial, CancellationToken cancellationToken)
    {
        var wanted = SerialNumbers.Normalize(serial);
        var filter = Uri.EscapeDataString($"contains(serialNumber,'{wanted.Replace("'", "''", StringComparison.Ordinal)}')");
        var (models, _) = await ReadPagesAsync<ImportedAppleDeviceIdentityModel>(
            $"{Tokens}/{Uri.EscapeDataString(tokenId)}/importedAppleDeviceIdentities?$filter={filter}&$select={ImportedAppleDeviceIdentityModel.Select}",
            MaxPagesPerSearch, stopEarly: false, cancellationToken);
        return [.. models.Where(m => SerialNumbers.Normalize(m.SerialNumber ?? "") == wanted).Select(m => m.ToRecord(tokenId))];
    }

    /// Every ADE record of the token, up to `maxPages` pages; `StoppedEarly` when there were more.
    public async Task<(List<AdeDeviceRecord> Devices, bool StoppedEarly)> ListOnTokenAsync(string tokenId, int maxPages, CancellationToken cancellationToken)
    {
        var (models, stoppedEarly) = await ReadPagesAsync<ImportedAppleDeviceIdentityModel>(
            $"{Tokens}/{Uri.EscapeDataString(tokenId)}/importedAppleDeviceIdentities?$select={ImportedAppleDeviceIdentityModel.Select}",
            maxPages, stopEarly: true, cancellationToken);
        return ([.. models.Select(m => m.ToRecord(tokenId))], stoppedEarly);
    }

    /// The token's profiles and its iOS/iPadOS and macOS defaults (404 or an empty answer: no default).
    public async Task<TokenProfiles> ReadProfilesAsync(string tokenId, CancellationToken cancellationToken)
    {
        var token = $"{Tokens}/{Uri.EscapeDataString(tokenId)}";
        var profiles = ReadPagesAsync<EnrollmentProfileModel>($"{token}/enrollmentProfiles?$select={EnrollmentProfileModel.Select}",
            MaxPagesPerSearch, stopEarly: false, cancellationToken);
        var ios = ReadDefaultAsync($"{token}/defaultIosEnrollmentProfile?$select={EnrollmentProfileModel.Select}", cancellationToken);
        var macOs = ReadDefaultAsync($"{token}/defaultMacOsEnrollmentProfile?$select={EnrollmentProfileModel.Select}", cancellationToken);
        await Task.WhenAll(profiles, ios, macOs);
        var (models, _) = await profiles;
        return new TokenProfiles([.. models.Select(m => m.ToProfile()).OfType<EnrollmentProfile>()], await ios, await macOs);
    }

    /// The Intune records with this serial (v1.0; needs DeviceManagementManagedDevices.Read.All).
    public async Task<List<ManagedDeviceRecord>> FindManagedDevicesAsync(string serial, CancellationToken cancellationToken)
    {
        var wanted = SerialNumbers.Normalize(serial);
        var filter = Uri.EscapeDataString($"serialNumber eq '{wanted.Replace("'", "''", StringComparison.Ordinal)}'");
        var (models, _) = await ReadPagesAsync<ManagedDeviceModel>(
            $"/v1.0/deviceManagement/managedDevices?$filter={filter}&$select={ManagedDeviceModel.Select}", MaxPagesPerSearch, stopEarly: false, cancellationToken);
        return [.. models.Where(m => SerialNumbers.Normalize(m.SerialNumber ?? "") == wanted).Select(m => m.ToRecord())];
    }

    public async Task<EnrollmentRestrictions> ReadRestrictionsAsync(CancellationToken cancellationToken)
    {
        var (models, _) = await ReadPagesAsync<DeviceEnrollmentConfigurationModel>(
            $"/v1.0/deviceManagement/deviceEnrollmentConfigurations?$select={DeviceEnrollmentConfigurationModel.Select}", MaxPagesPerSearch, stopEarly: false, cancellationToken);
        return DeviceEnrollmentConfigurationModel.Defaults(models);
    }

    private async Task<EnrollmentProfile?> ReadDefaultAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return (await SendAsync(new Uri(graphRoot + path), EnrollmentProfileModel.Create, cancellationToken))?.ToProfile();
        }
        catch (ApiException ex) when (ex.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    private async Task<(List<TItem> Items, bool StoppedEarly)> ReadPagesAsync<TItem>(string firstPath, int maxPages, bool stopEarly, CancellationToken cancellationToken)
        where TItem : IGraphModel<TItem>
    {
        List<TItem> items = [];
        HashSet<string> followed = [];
        Uri? next = new(graphRoot + firstPath);
        for (var pages = 0; next is not null; pages++)
        {
            if (pages == maxPages)
            {
                if (stopEarly) return (items, true);
                throw new InvalidDataException($"{next.AbsolutePath} returned more than {maxPages} pages; paging did not end.");
            }
            var page = await SendAsync(next, GraphPage<TItem>.Create, cancellationToken);
            if (page?.Value is null)
                throw new InvalidDataException($"Graph answered {next.AbsolutePath} without a \"value\" array.");
            items.AddRange(page.Value);
            next = page.NextLink is null ? null : GraphPaging.CheckedNextLink(page.NextLink, graphRoot, followed);
        }
        return (items, false);
    }

    private Task<T?> SendAsync<T>(Uri uri, ParsableFactory<T> factory, CancellationToken cancellationToken) where T : IParsable =>
        _backoff.SendAsync(attempt =>
        {
            var request = new RequestInformation { HttpMethod = Method.GET, URI = uri };
            request.Headers.Add("Accept", "application/json");
            // GraphBackoff retries on our clock; the SDK's own retries would wait on the wall clock.
            request.AddRequestOptions([new RetryHandlerOption { MaxRetry = 0 }]);
            return GraphRequestTimeout.SendAsync(token => client.RequestAdapter.SendAsync(request, factory, cancellationToken: token),
                uri.AbsolutePath, requestTimeout, time, attempt);
        }, cancellationToken);
}
