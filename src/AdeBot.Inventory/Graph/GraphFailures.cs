using AdeBot.Domain.Tokens;
using Azure;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions;

namespace AdeBot.Inventory;

/// Why a Graph call failed, independent of what was asked; each caller maps it to its own result and log.
internal enum GraphFailureCause { PermissionMissing, NotFound, Unavailable, SignInRejected, Unexpected }

/// `Reason` is log text only (a timeout or sign-in message), never shown to a chat user.
internal sealed record GraphFailure(GraphFailureCause Cause, int? StatusCode = null, string? RequestId = null, string Reason = "");

/// Reads whatever a Graph call threw (the SDK's ApiException, Azure.Identity sign-in errors, network
/// errors, our own timeout) as one GraphFailure, for the inventory and the group membership check alike.
internal static class GraphFailures
{
    /// The one application permission that covers all three reads (ADE, APNs, VPP).
    public const string RequiredPermission = "DeviceManagementServiceConfig.Read.All";

    // Sign-in errors that mean "this app is not (yet) consented in that tenant", the MSP onboarding case.
    private static readonly string[] ConsentMissingCodes = ["AADSTS700016", "AADSTS65001", "AADSTS500011"];

    public static GraphFailure Cause(Exception exception)
    {
        var chain = Flatten(exception).ToList();

        // The retry handler throws every attempt's error once retries run out; the last is the final answer.
        if (chain.OfType<ApiException>().LastOrDefault() is { } api)
        {
            var status = api.ResponseStatusCode;
            switch (status)
            {
                case 401 or 403:
                    return new(GraphFailureCause.PermissionMissing, status, RequestId(api));
                case 404:
                    return new(GraphFailureCause.NotFound, status, RequestId(api));
                case 429 or >= 500:
                    return new(GraphFailureCause.Unavailable, status, RequestId(api), "throttled or unavailable after retries");
            }
        }

        if (chain.OfType<TimeoutException>().FirstOrDefault() is { } timeout)
            return new(GraphFailureCause.Unavailable, Reason: timeout.Message);

        if (chain.OfType<AuthenticationFailedException>().FirstOrDefault() is { } signIn)
        {
            // A managed identity that is not there (not running in Azure) is set-up, not an outage.
            if (signIn is not CredentialUnavailableException && chain.Any(IsNetworkFailure))
                return new(GraphFailureCause.Unavailable, Reason: "the sign-in endpoint could not be reached");
            if (chain.Any(MeansConsentMissing))
                return new(GraphFailureCause.PermissionMissing);
            return new(GraphFailureCause.SignInRejected, Reason: signIn.Message);
        }

        if (chain.Any(IsNetworkFailure))
            return new(GraphFailureCause.Unavailable, Reason: "Graph could not be reached");

        return new(GraphFailureCause.Unexpected);
    }

    /// The inventory's reading of a failed token read; logs the detail an admin needs.
    public static InventoryFailure Classify(Exception exception, string tenantId, ILogger logger)
    {
        var failure = Cause(exception);
        switch (failure.Cause)
        {
            case GraphFailureCause.PermissionMissing:
                InventoryLog.PermissionMissing(logger, tenantId, failure.StatusCode, failure.RequestId, RequiredPermission);
                return new InventoryFailure(InventoryFailureKind.PermissionMissing, RequiredPermission);
            case GraphFailureCause.Unavailable:
                InventoryLog.GraphUnavailable(logger, tenantId, failure.StatusCode, failure.RequestId, failure.Reason);
                return new InventoryFailure(InventoryFailureKind.GraphUnavailable);
            case GraphFailureCause.SignInRejected:
                InventoryLog.CredentialRejected(logger, tenantId, failure.Reason);
                return new InventoryFailure(InventoryFailureKind.Unexpected);
            default: // NotFound: every path the inventory reads exists (a missing APNs certificate is handled by the reader).
                InventoryLog.Unexpected(logger, tenantId, exception);
                return new InventoryFailure(InventoryFailureKind.Unexpected);
        }
    }

    private static bool MeansConsentMissing(Exception e) =>
        ConsentMissingCodes.Any(code => e.Message.Contains(code, StringComparison.Ordinal));

    private static bool IsNetworkFailure(Exception e) =>
        e is HttpRequestException || e is RequestFailedException { Status: 0 or 429 or >= 500 };

    private static string? RequestId(ApiException api) =>
        api.ResponseHeaders.FirstOrDefault(h => h.Key.Equals("request-id", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        yield return exception;
        var inner = exception is AggregateException aggregate ? aggregate.InnerExceptions : (IEnumerable<Exception>)
            (exception.InnerException is { } one ? [one] : []);
        foreach (var child in inner)
            foreach (var descendant in Flatten(child))
                yield return descendant;
    }
}
