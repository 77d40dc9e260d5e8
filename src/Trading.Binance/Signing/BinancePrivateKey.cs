using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace Trading.Binance.Signing;

/// <summary>
/// Reads an RSA or Ed25519 API private key from a PEM file (PKCS#8, encrypted PKCS#8 with a passphrase, or PKCS#1 RSA)
/// into its signer. Every failure is a <see cref="BinanceKeyException"/> whose message names the file, never its content.
/// </summary>
public static class BinancePrivateKey
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string Ed25519Oid = "1.3.101.112";

    public static IBinanceRequestSigner Load(string path, string? passphrase = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BinanceKeyException($"cannot read the private key file {path}: {e.GetType().Name}");
        }
        if (!PemEncoding.TryFind(text, out var fields))
            throw new BinanceKeyException($"{path} is not a PEM private key (expected -----BEGIN PRIVATE KEY-----)");
        var label = text[fields.Label];
        byte[] der;
        try
        {
            der = Convert.FromBase64String(text[fields.Base64Data]);
        }
        catch (FormatException)
        {
            throw new BinanceKeyException($"{path} is not a PEM private key: its body is not base64");
        }
        return label switch
        {
            "PRIVATE KEY" => FromPkcs8(path, Decode(path, () => Pkcs8PrivateKeyInfo.Decode(der, out _)), text, null),
            "ENCRYPTED PRIVATE KEY" when string.IsNullOrEmpty(passphrase) =>
                throw new BinanceKeyException($"{path} is encrypted: set BINANCE_PRIVATE_KEY_PASSPHRASE"),
            "ENCRYPTED PRIVATE KEY" => FromPkcs8(path, Decode(path, () => Pkcs8PrivateKeyInfo.DecryptAndDecode(passphrase, der, out _), wrongPassphrase: true), text, passphrase),
            "RSA PRIVATE KEY" => Rsa(path, text, null),
            _ => throw new BinanceKeyException($"{path} holds a '{label}', not a private key Binance accepts (RSA or Ed25519)"),
        };
    }

    private static Pkcs8PrivateKeyInfo Decode(string path, Func<Pkcs8PrivateKeyInfo> decode, bool wrongPassphrase = false)
    {
        try
        {
            return decode();
        }
        catch (CryptographicException)
        {
            throw new BinanceKeyException(wrongPassphrase
                ? $"cannot decrypt {path}: wrong BINANCE_PRIVATE_KEY_PASSPHRASE or an unsupported encryption"
                : $"{path} is not a valid PKCS#8 private key");
        }
    }

    private static IBinanceRequestSigner FromPkcs8(string path, Pkcs8PrivateKeyInfo info, string pem, string? passphrase) => info.AlgorithmId.Value switch
    {
        RsaOid => Rsa(path, pem, passphrase),
        Ed25519Oid => Ed25519(path, info.PrivateKeyBytes),
        var oid => throw new BinanceKeyException($"{path} holds a key of type {info.AlgorithmId.FriendlyName ?? oid}; Binance accepts RSA or Ed25519"),
    };

    private static RsaBinanceSigner Rsa(string path, string pem, string? passphrase)
    {
        try
        {
            return new RsaBinanceSigner(pem, passphrase);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new BinanceKeyException($"{path} is not a valid RSA private key");
        }
    }

    private static Ed25519BinanceSigner Ed25519(string path, ReadOnlyMemory<byte> privateKey)
    {
        try
        {
            // CurvePrivateKey ::= OCTET STRING (RFC 8410): the 32-byte seed.
            var seed = AsnDecoder.ReadOctetString(privateKey.Span, AsnEncodingRules.DER, out var consumed);
            if (consumed != privateKey.Length || seed.Length != 32) throw new BinanceKeyException($"{path} is not a valid Ed25519 private key");
            return new Ed25519BinanceSigner(seed);
        }
        catch (AsnContentException)
        {
            throw new BinanceKeyException($"{path} is not a valid Ed25519 private key");
        }
    }
}

/// <summary>A private key file that cannot be used; the message never contains key material.</summary>
public sealed class BinanceKeyException(string message) : Exception(message);
