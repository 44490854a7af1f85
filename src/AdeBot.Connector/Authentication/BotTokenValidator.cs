using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AdeBot.Connector;

/// Validates Bot Connector → bot requests (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication): Bearer JWT from the configured issuer,
/// audience = our app id, RS256/384/512 only, five minutes of skew, a signing key from the OpenID
/// metadata that is endorsed for the activity's channel, and a serviceurl claim that matches the activity.
public sealed class BotTokenValidator : IDisposable
{
    public static readonly IReadOnlyList<string> AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const string ServiceUrlClaim = "serviceurl";
    private const string EndorsementsProperty = "endorsements";

    private readonly BotOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BotTokenValidator> _logger;
    private readonly HttpClient _metadataHttp;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly JsonWebTokenHandler _handler = new();

    public BotTokenValidator(IOptions<BotOptions> options, TimeProvider time, ILogger<BotTokenValidator> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;

        // The manager lives as long as the app, so its connections are recycled to follow DNS changes.
        _metadataHttp = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var metadataUrl = _options.OpenIdMetadataUrl;
        var documents = new HttpDocumentRetriever(_metadataHttp) { RequireHttps = !IsLoopback(metadataUrl) };
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), documents);
    }

    public async Task<BotAuthenticationResult> ValidateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrWhiteSpace(authorizationHeader))
            return BotAuthenticationResult.MissingHeader;

        var separator = authorizationHeader.IndexOf(' ', StringComparison.Ordinal);
        var scheme = separator < 0 ? authorizationHeader : authorizationHeader[..separator];
        if (!scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            return BotAuthenticationResult.Fail(BotAuthFailure.WrongScheme, "Authorization scheme is not Bearer");

        var token = separator < 0 ? string.Empty : authorizationHeader[(separator + 1)..].Trim();
        if (!_options.HasAppId)
            return BotAuthenticationResult.Fail(BotAuthFailure.NotConfigured, "Bot:AppId is not configured, so no token can be accepted");

        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return BotAuthenticationResult.Fail(BotAuthFailure.MalformedToken, "the bearer token is not a JWT");
        }

        // Decided before any key lookup so "none" and HMAC tokens never reach signature validation.
        if (!AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
            return BotAuthenticationResult.Fail(BotAuthFailure.InvalidAlgorithm, $"algorithm {Truncate(jwt.Alg)} is not allowed");
        if (string.IsNullOrEmpty(jwt.Kid))
            return BotAuthenticationResult.Fail(BotAuthFailure.UnknownSigningKey, "the token names no signing key");

        IReadOnlyList<JsonWebKey> keys;
        try
        {
            keys = await FindSigningKeysAsync(jwt.Kid, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.MetadataUnavailable(_logger, _options.OpenIdMetadataUrl, ex);
            return BotAuthenticationResult.Fail(BotAuthFailure.MetadataUnavailable, "signing keys could not be loaded");
        }
        if (keys.Count == 0)
            return BotAuthenticationResult.Fail(BotAuthFailure.UnknownSigningKey, $"no published signing key has id {Truncate(jwt.Kid)}");

        var result = await _handler.ValidateTokenAsync(jwt, CreateParameters(keys)).ConfigureAwait(false);
        if (!result.IsValid)
            return BotAuthenticationResult.Fail(Classify(result.Exception), result.Exception?.Message ?? "token validation failed");

        var signingKey = (result.SecurityToken as JsonWebToken)?.SigningKey as JsonWebKey ?? (keys.Count == 1 ? keys[0] : null);
        var channelId = activity.ChannelId;
        if (signingKey is null || string.IsNullOrEmpty(channelId) || !ReadEndorsements(signingKey).Contains(channelId, StringComparer.Ordinal))
            return BotAuthenticationResult.Fail(BotAuthFailure.EndorsementMissing, $"the signing key is not endorsed for channel {Truncate(channelId)}");

        var claimedServiceUrl = result.Claims.TryGetValue(ServiceUrlClaim, out var claim) ? claim as string : null;
        if (!SameServiceUrl(claimedServiceUrl, activity.ServiceUrl))
            return BotAuthenticationResult.Fail(BotAuthFailure.ServiceUrlMismatch, "the serviceurl claim does not match the activity's serviceUrl");

        return BotAuthenticationResult.Success(result.ClaimsIdentity);
    }

    private async Task<IReadOnlyList<JsonWebKey>> FindSigningKeysAsync(string keyId, CancellationToken cancellationToken)
    {
        var configuration = await _metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var keys = KeysWithId(configuration, keyId);
        if (keys.Count > 0) return keys;

        // Keys rotate: an unknown kid is worth one fresh look at the key set. The manager throttles
        // these refreshes (RefreshInterval), so a stream of made-up kids cannot hammer the metadata host.
        Log.SigningKeyRefresh(_logger, Truncate(keyId));
        _metadata.RequestRefresh();
        configuration = await _metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        return KeysWithId(configuration, keyId);
    }

    private static List<JsonWebKey> KeysWithId(OpenIdConnectConfiguration configuration, string keyId) =>
        configuration.JsonWebKeySet?.Keys
            .Where(key => string.Equals(key.Kid, keyId, StringComparison.Ordinal)
                && string.Equals(key.Kty, JsonWebAlgorithmsKeyTypes.RSA, StringComparison.Ordinal)
                && (string.IsNullOrEmpty(key.Use) || key.Use == JsonWebKeyUseNames.Sig))
            .ToList() ?? [];

    private TokenValidationParameters CreateParameters(IReadOnlyList<JsonWebKey> keys) => new()
    {
        ValidIssuer = _options.TokenIssuer,
        ValidAudience = _options.AppId,
        IssuerSigningKeys = keys,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = AllowedAlgorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        LifetimeValidator = ValidateLifetime,
        ClockSkew = ClockSkew,
    };

    // IdentityModel reads the system clock; this keeps token lifetime on the app's TimeProvider.
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (expires is null) throw new SecurityTokenNoExpirationException("The token has no expiry.");
        if (notBefore is { } from && from > now + ClockSkew)
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = from };
        if (expires.Value < now - ClockSkew)
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        return true;
    }

    private static BotAuthFailure Classify(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => BotAuthFailure.Expired,
        SecurityTokenNotYetValidException => BotAuthFailure.NotYetValid,
        SecurityTokenInvalidIssuerException => BotAuthFailure.InvalidIssuer,
        SecurityTokenInvalidAudienceException => BotAuthFailure.InvalidAudience,
        SecurityTokenInvalidAlgorithmException => BotAuthFailure.InvalidAlgorithm,
        SecurityTokenSignatureKeyNotFoundException => BotAuthFailure.UnknownSigningKey,
        SecurityTokenInvalidSignatureException => BotAuthFailure.InvalidSignature,
        _ => BotAuthFailure.InvalidToken,
    };

    internal static IReadOnlyList<string> ReadEndorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue(EndorsementsProperty, out var raw)) return [];
        return raw switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array =>
                [.. array.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!)],
            IEnumerable<object> items => [.. items.OfType<string>()],
            _ => [],
        };
    }

    // The Bot Framework SDK compares case-insensitively; a trailing slash is not a different service.
    internal static bool SameServiceUrl(string? claimed, string? actual)
    {
        if (string.IsNullOrWhiteSpace(claimed) || string.IsNullOrWhiteSpace(actual)) return false;
        return string.Equals(claimed.TrimEnd('/'), actual.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;

    private static string Truncate(string? value) => LogSanitizer.Clean(value);

    public void Dispose() => _metadataHttp.Dispose();
}
