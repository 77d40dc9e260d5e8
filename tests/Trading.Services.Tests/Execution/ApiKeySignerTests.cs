using Shouldly;
using Trading.Binance.Signing;
using Trading.Services.Configuration;
using Trading.Services.Execution;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Execution;

/// <summary>The trading client signs with what the settings name: the HMAC secret, or the RSA/Ed25519 key file.</summary>
public sealed class ApiKeySignerTests
{
    private static string KeyFile(string name) => Path.Combine(RepoPaths.Root, "tests", "Trading.Binance.Tests", "Signing", "Keys", name);

    [Fact]
    public void TryCreate_Ed25519KeyFileWithPassphrase_SignsWithEd25519()
    {
        var settings = new TradingSettings
        {
            BinanceApiKey = "key", BinancePrivateKeyPath = KeyFile("ed25519-rfc8032-test2-encrypted-password-is-password.pem"),
            BinancePrivateKeyPassphrase = "password",
        };

        var credentials = ApiKeySigner.TryCreate(settings, out var problem);

        problem.ShouldBeNull();
        credentials.ShouldNotBeNull().Signer.ShouldBeOfType<Ed25519BinanceSigner>();
        credentials.ApiSecret.ShouldBeNull();
        credentials.Signer.Sign("symbol=BTCUSDT").ShouldBe(BinancePrivateKey.Load(settings.BinancePrivateKeyPath, "password").Sign("symbol=BTCUSDT"));
    }

    [Fact]
    public void TryCreate_SecretOnly_SignsWithHmac()
    {
        var credentials = ApiKeySigner.TryCreate(new TradingSettings { BinanceApiKey = "key", BinanceApiSecret = "secret" }, out _);

        credentials.ShouldNotBeNull().Signer.ShouldBeOfType<BinanceSigner>();
    }

    [Fact]
    public void TryCreate_UnknownKeyType_ProblemNamesTheFileNotItsContent()
    {
        var path = KeyFile("ec-p256-unsupported.pem");

        var credentials = ApiKeySigner.TryCreate(new TradingSettings { BinanceApiKey = "key", BinancePrivateKeyPath = path }, out var problem);

        credentials.ShouldBeNull();
        problem.ShouldNotBeNull().ShouldStartWith($"BINANCE_PRIVATE_KEY_PATH: {path} holds a key of type");
        problem.ShouldNotContain(File.ReadAllLines(path)[1]);
    }
}
