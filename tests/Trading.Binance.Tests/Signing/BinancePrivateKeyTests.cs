using Shouldly;
using Trading.Binance.Signing;
using Trading.TestInfrastructure;

namespace Trading.Binance.Tests.Signing;

/// <summary>
/// RSA and Ed25519 key files (BINANCE_PRIVATE_KEY_PATH): the connector RSA vector and the RFC 8032 Ed25519 vector (test 2,
/// message "r"), plain and encrypted; bad files give a message that names the file and never its key material.
/// </summary>
public class BinancePrivateKeyTests
{
    private const string RsaPayload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
    private const string RsaSignature =
        "uz2xmNkOf1EEsnZoWGraxR13F4jF9JYdC68uvWqYyjFyjwDgcoiMRm23UqsxWkmA208smu7TuGVxm1cWoZa/5fLQ2T/RcfLW9sokNWDzf1vM/xEpSmQEsSyIzd/c0pMWGsUkXsYpIarp3e/KSFzgwI73qZfbalBRkkK7u3dLWRVRk4kmEVf6dQUWMyXC44X8LB0M1XFrhkqcFYdcP9NcaCZCvb8nzG/nyUPtCJdBxVn8MMgXaVCM8DIbSrUBT0ZUxFQ3gTSd929LR1Tp6P2y4pHiWSElW5nJZYRRn2zUFt4xH7wvVKvuuEi8HH0Dusf6KBcWq8/3viAcRUh1Cj4fsQ==";
    private static readonly string Ed25519Signature = Convert.ToBase64String(Convert.FromHexString(
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"));

    private static string Key(string file) => Path.Combine(RepoPaths.Root, "tests", "Trading.Binance.Tests", "Signing", "Keys", file);

    private static string SharedKey(string file) => Path.Combine(RepoPaths.SharedBinance, "connector-vectors", file);

    [Fact]
    public void Load_Ed25519Pkcs8_SignsTheRfc8032Vector() =>
        BinancePrivateKey.Load(Key("ed25519-rfc8032-test2.pem")).Sign("r").ShouldBe(Ed25519Signature);

    [Fact]
    public void Load_EncryptedEd25519WithPassphrase_SignsTheRfc8032Vector() =>
        BinancePrivateKey.Load(Key("ed25519-rfc8032-test2-encrypted-password-is-password.pem"), "password").Sign("r").ShouldBe(Ed25519Signature);

    [Fact]
    public void Load_RsaPkcs8_SignsTheConnectorVector() =>
        BinancePrivateKey.Load(SharedKey("rsa-test-key-unencrypted.pem")).Sign(RsaPayload).ShouldBe(RsaSignature);

    [Fact]
    public void Load_EncryptedRsaWithPassphrase_SignsTheConnectorVector() =>
        BinancePrivateKey.Load(SharedKey("rsa-test-key-encrypted-password-is-password.pem"), "password").Sign(RsaPayload).ShouldBe(RsaSignature);

    [Theory]
    [InlineData("ed25519-rfc8032-test2-encrypted-password-is-password.pem", "wrong", "wrong BINANCE_PRIVATE_KEY_PASSPHRASE")]
    [InlineData("ed25519-rfc8032-test2-encrypted-password-is-password.pem", null, "set BINANCE_PRIVATE_KEY_PASSPHRASE")]
    [InlineData("ec-p256-unsupported.pem", null, "Binance accepts RSA or Ed25519")]
    public void Load_UnusableKey_NamesTheProblemWithoutKeyMaterial(string file, string? passphrase, string expected)
    {
        var path = Key(file);

        var error = Should.Throw<BinanceKeyException>(() => BinancePrivateKey.Load(path, passphrase));

        error.Message.ShouldContain(expected);
        error.Message.ShouldContain(path);
        ShouldNotShowKeyMaterial(error.Message, File.ReadAllText(path));
    }

    [Theory]
    [InlineData("not a key at all\n")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nMIIBVAIBADANBgkqhkiG9w0BAQEFAASCAT4wggE6AgEAAkEA\n-----END PRIVATE KEY-----\n")]
    [InlineData("-----BEGIN CERTIFICATE-----\nMIIBVAIBADANBgkqhkiG9w0BAQEFAASCAT4wggE6AgEAAkEA\n-----END CERTIFICATE-----\n")]
    public void Load_MalformedFile_KeyExceptionWithoutItsContent(string content)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "key.pem");
        File.WriteAllText(path, content);

        var error = Should.Throw<BinanceKeyException>(() => BinancePrivateKey.Load(path));

        error.Message.ShouldContain(path);
        ShouldNotShowKeyMaterial(error.Message, content);
    }

    [Fact]
    public void Load_MissingFile_KeyExceptionNamingIt()
    {
        var path = Key("no-such-key.pem");

        Should.Throw<BinanceKeyException>(() => BinancePrivateKey.Load(path)).Message.ShouldContain($"cannot read the private key file {path}");
    }

    private static void ShouldNotShowKeyMaterial(string message, string pem)
    {
        foreach (var line in pem.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)))
            message.ShouldNotContain(line);
    }
}
