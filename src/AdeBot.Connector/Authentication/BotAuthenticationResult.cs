using System.Security.Claims;

namespace AdeBot.Connector;

public enum BotAuthFailure
{
    MissingHeader,
    WrongScheme,
    NotConfigured,
    MalformedToken,
    InvalidAlgorithm,
    UnknownSigningKey,
    InvalidSignature,
    InvalidIssuer,
    InvalidAudience,
    Expired,
    NotYetValid,
    InvalidToken,
    EndorsementMissing,
    ServiceUrlMismatch,
    MetadataUnavailable,
    EmptyHeader,
}

/// Outcome of inbound authentication. <see cref="Detail"/> is for logs only, never for a response body.
public sealed record BotAuthenticationResult
{
    private BotAuthenticationResult(ClaimsIdentity? identity, BotAuthFailure? failure, string detail)
    {
        Identity = identity;
        Failure = failure;
        Detail = detail;
    }

    public ClaimsIdentity? Identity { get; }
    public BotAuthFailure? Failure { get; }
    public string Detail { get; }

    public bool IsAuthenticated => Identity is not null;

    /// 403 for a key not endorsed for the channel (the REST doc's rule), 503 when the signing keys
    /// cannot be loaded (the token may be fine), 401 for everything else.
    public int StatusCode => Failure switch
    {
        null => 200,
        BotAuthFailure.EndorsementMissing => 403,
        BotAuthFailure.MetadataUnavailable => 503,
        _ => 401,
    };

    public static BotAuthenticationResult Success(ClaimsIdentity identity) => new(identity, null, string.Empty);

    public static BotAuthenticationResult Fail(BotAuthFailure reason, string detail) => new(null, reason, detail);

    internal static BotAuthenticationResult MissingHeader { get; } = Fail(BotAuthFailure.MissingHeader, "no Authorization header");

    internal static BotAuthenticationResult EmptyHeader { get; } = Fail(BotAuthFailure.EmptyHeader, "the Authorization header is empty");
}
