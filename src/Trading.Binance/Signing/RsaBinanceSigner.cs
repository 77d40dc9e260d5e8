using System.Security.Cryptography;
using System.Text;

namespace Trading.Binance.Signing;

/// <summary>RSA API keys: PKCS#1 v1.5 SHA-256 signature, base64 (percent-encode it on the wire).</summary>
public sealed class RsaBinanceSigner : IBinanceRequestSigner, IDisposable
{
    private readonly RSA _rsa = RSA.Create();

    public RsaBinanceSigner(string privateKeyPem, string? password = null)
    {
        if (password is null) _rsa.ImportFromPem(privateKeyPem);
        else _rsa.ImportFromEncryptedPem(privateKeyPem, password);
    }

    public string Sign(string payload) =>
        Convert.ToBase64String(_rsa.SignData(Encoding.UTF8.GetBytes(payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public void Dispose() => _rsa.Dispose();
}
