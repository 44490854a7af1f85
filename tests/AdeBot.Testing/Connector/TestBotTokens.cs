using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AdeBot.Testing.Connector;

/// The claims of a Connector → bot token. Defaults describe a valid token issued at <see cref="Now"/>.
public sealed record BotTokenClaims(string Audience, string? ServiceUrl, DateTimeOffset Now)
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    public string Issuer { get; init; } = BotFrameworkIssuer;
    public DateTimeOffset NotBefore { get; init; } = Now.AddMinutes(-1);
    public DateTimeOffset Expires { get; init; } = Now.AddMinutes(59);
}

/// Mints tokens the way the Bot Connector does, and the forged kinds a bot must refuse.
public static class TestBotTokens
{
    public static string Create(TestSigningKey key, BotTokenClaims claims, string algorithm = SecurityAlgorithms.RsaSha256) =>
        Sign(new SigningCredentials(key.SecurityKey, algorithm), claims);

    /// HS256 with a shared secret, naming a published RSA key's kid (the key-confusion attack).
    public static string CreateHmac(byte[] secret, string keyId, BotTokenClaims claims) =>
        Sign(new SigningCredentials(new SymmetricSecurityKey(secret) { KeyId = keyId }, SecurityAlgorithms.HmacSha256), claims);

    /// alg "none": header and payload, empty signature.
    public static string CreateUnsigned(string keyId, BotTokenClaims claims)
    {
        var header = JsonSerializer.Serialize(new Dictionary<string, object> { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = keyId });
        var payload = JsonSerializer.Serialize(Payload(claims));
        return $"{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(header))}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload))}.";
    }

    private static string Sign(SigningCredentials credentials, BotTokenClaims claims) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = Payload(claims),
            SigningCredentials = credentials,
        });

    private static Dictionary<string, object> Payload(BotTokenClaims claims)
    {
        var payload = new Dictionary<string, object>
        {
            ["iss"] = claims.Issuer,
            ["aud"] = claims.Audience,
            ["nbf"] = claims.NotBefore.ToUnixTimeSeconds(),
            ["exp"] = claims.Expires.ToUnixTimeSeconds(),
        };
        if (claims.ServiceUrl is not null) payload["serviceurl"] = claims.ServiceUrl;
        return payload;
    }
}
