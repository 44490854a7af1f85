using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace AdeBot.Testing.Connector;

/// An RSA key as the Bot Framework publishes it: a kid and the channels it is endorsed for.
public sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestSigningKey(string keyId, params string[] endorsements) : this(keyId, (IReadOnlyList<string>?)endorsements) { }

    private TestSigningKey(string keyId, IReadOnlyList<string>? endorsements)
    {
        KeyId = keyId;
        Endorsements = endorsements;
    }

    /// Published with no endorsements property at all.
    public static TestSigningKey WithoutEndorsements(string keyId) => new(keyId, (IReadOnlyList<string>?)null);

    public string KeyId { get; }

    public IReadOnlyList<string>? Endorsements { get; }

    public SecurityKey SecurityKey => new RsaSecurityKey(_rsa) { KeyId = KeyId };

    public Dictionary<string, object> ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus!),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent!),
        };
        if (Endorsements is not null) jwk["endorsements"] = Endorsements;
        return jwk;
    }

    public void Dispose() => _rsa.Dispose();
}
