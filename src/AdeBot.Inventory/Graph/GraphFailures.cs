using AdeBot.Domain.Tokens;
using Azure;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions;

namespace AdeBot.Inventory;

/// Maps whatever a Graph read threw to the failure a person can act on, and logs the detail.
internal static class GraphFailures
{
    /// The one application permission that covers all three reads (ADE, APNs, VPP).
    public const string RequiredPermission = "DeviceManagementServiceConfig.Read.All";

    // Sign-in errors that mean "this app is not (yet) consented in that tenant", the MSP onboarding case.
    private static readonly string[] ConsentMissingCodes = ["AADSTS700016", "AADSTS65001", "AADSTS500011"];

    public static InventoryFailure Classify(Exception exception, string tenantId, ILogger logger)
    {
        var chain = Flatten(exception).ToList();

        // The retry handler throws every attempt's error once retries run out; the last is the final answer.
        if (chain.OfType<ApiException>().LastOrDefault() is { } api)
        {
            var requestId = RequestId(api);
            switch (api.ResponseStatusCode)
            {
                case 401 or 403:
                    InventoryLog.PermissionMissing(logger, tenantId, api.ResponseStatusCode, requestId, RequiredPermission);
                    return new InventoryFailure(InventoryFailureKind.PermissionMissing, RequiredPermission);
                case 429 or >= 500:
                    InventoryLog.GraphUnavailable(logger, tenantId, api.ResponseStatusCode, requestId, "throttled or unavailable after retries");
                    return new InventoryFailure(InventoryFailureKind.GraphUnavailable);
            }
        }

        if (chain.OfType<TimeoutException>().FirstOrDefault() is { } timeout)
        {
            InventoryLog.GraphUnavailable(logger, tenantId, null, null, timeout.Message);
            return new InventoryFailure(InventoryFailureKind.GraphUnavailable);
        }

        if (chain.OfType<AuthenticationFailedException>().FirstOrDefault() is { } signIn)
        {
            // A managed identity that is not there (not running in Azure) is set-up, not an outage.
            if (signIn is not CredentialUnavailableException && chain.Any(IsNetworkFailure))
            {
                InventoryLog.GraphUnavailable(logger, tenantId, null, null, "the sign-in endpoint could not be reached");
                return new InventoryFailure(InventoryFailureKind.GraphUnavailable);
            }
            if (chain.Any(MeansConsentMissing))
            {
                InventoryLog.PermissionMissing(logger, tenantId, null, null, RequiredPermission);
                return new InventoryFailure(InventoryFailureKind.PermissionMissing, RequiredPermission);
            }
            InventoryLog.CredentialRejected(logger, tenantId, signIn.Message);
            return new InventoryFailure(InventoryFailureKind.Unexpected);
        }

        if (chain.Any(IsNetworkFailure))
        {
            InventoryLog.GraphUnavailable(logger, tenantId, null, null, "Graph could not be reached");
            return new InventoryFailure(InventoryFailureKind.GraphUnavailable);
        }

        InventoryLog.Unexpected(logger, tenantId, exception);
        return new InventoryFailure(InventoryFailureKind.Unexpected);
    }

    internal static bool MeansConsentMissing(Exception e) =>
        ConsentMissingCodes.Any(code => e.Message.Contains(code, StringComparison.Ordinal));

    internal static bool IsNetworkFailure(Exception e) =>
        e is HttpRequestException || e is RequestFailedException { Status: 0 or 429 or >= 500 };

    internal static string? RequestId(ApiException api) =>
        api.ResponseHeaders.FirstOrDefault(h => h.Key.Equals("request-id", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    internal static IEnumerable<Exception> Flatten(Exception exception)
    {
        yield return exception;
        var inner = exception is AggregateException aggregate ? aggregate.InnerExceptions : (IEnumerable<Exception>)
            (exception.InnerException is { } one ? [one] : []);
        foreach (var child in inner)
            foreach (var descendant in Flatten(child))
                yield return descendant;
    }
}
