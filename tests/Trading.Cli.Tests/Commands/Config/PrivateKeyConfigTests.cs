using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Config;

/// <summary>
/// BINANCE_PRIVATE_KEY_PATH (and BINANCE_PRIVATE_KEY_PASSPHRASE) from the environment or .env: a key file that cannot sign is
/// one <c>error:</c> line and exit 2, and neither the file's content nor the passphrase is ever printed.
/// </summary>
public sealed class PrivateKeyConfigTests
{
    private const string ApiKey = "k3yK3yK3yK3yK3yK3yK3yK3yK3yK3yK3y";
    private const string Passphrase = "password";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string KeyFile(string name) => Path.Combine(RepoPaths.Root, "tests", "Trading.Binance.Tests", "Signing", "Keys", name);

    private static Dictionary<string, string?> Keys(string path, string? passphrase = null) => new()
    {
        ["BINANCE_API_KEY"] = ApiKey, ["BINANCE_PRIVATE_KEY_PATH"] = path, ["BINANCE_PRIVATE_KEY_PASSPHRASE"] = passphrase,
    };

    /// <summary>One error line naming the setting, exit 2, and none of the key file's lines in either output.</summary>
    private static void ShouldRefuseWithoutKeyMaterial(CliProcess.Result result, string keyPath, string expected)
    {
        result.ExitCode.ShouldBe(2, result.Error);
        result.ErrorLines.ShouldHaveSingleItem().ShouldBe($"error: BINANCE_PRIVATE_KEY_PATH: {expected}");
        foreach (var line in File.ReadAllLines(keyPath).Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal)))
        {
            result.Output.ShouldNotContain(line);
            result.Error.ShouldNotContain(line);
        }
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Validate_MalformedKeyFile_OneErrorLineExitTwoNoKeyMaterial()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("key.pem", "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIEzNCJso/5banbbDRuwRTg9bijGfNaumJNqM9u1PuKb7%%\n-----END PRIVATE KEY-----\n");

        var result = await CliProcess.RunAsync(["config", "validate"], Keys(path), dir.Path, Ct);

        ShouldRefuseWithoutKeyMaterial(result, path, $"{path} is not a PEM private key (expected -----BEGIN PRIVATE KEY-----)");
    }

    [Fact]
    public async Task Validate_WrongPassphraseInDotEnv_OneErrorLineExitTwoNoKeyMaterial()
    {
        using var dir = new TempDirectory();
        var path = KeyFile("ed25519-rfc8032-test2-encrypted-password-is-password.pem");
        dir.Write(".env", $"BINANCE_API_KEY={ApiKey}\nBINANCE_PRIVATE_KEY_PATH={path}\nBINANCE_PRIVATE_KEY_PASSPHRASE=not-the-passphrase\n");

        var result = await CliProcess.RunAsync(["config", "validate"], null, dir.Path, Ct);

        ShouldRefuseWithoutKeyMaterial(result, path, $"cannot decrypt {path}: wrong BINANCE_PRIVATE_KEY_PASSPHRASE or an unsupported encryption");
        result.Error.ShouldNotContain("not-the-passphrase");
    }

    [Fact]
    public async Task OrderBuy_UnknownKeyType_OneErrorLineExitTwoNothingSent()
    {
        using var dir = new TempDirectory();
        var path = KeyFile("ec-p256-unsupported.pem");
        var environment = Keys(path);
        environment["TRADING_MODE"] = "testnet";
        environment["DRY_RUN"] = "false";
        environment["TRADING_DATA_DIR"] = dir.Path;
        environment["BINANCE_BASE_URL"] = "http://127.0.0.1:9"; // never reached: the settings are refused first

        var result = await CliProcess.RunAsync(["order", "buy", "--symbol", "BTCUSDT", "--quantity", "0.01"], environment, dir.Path, Ct);

        result.ExitCode.ShouldBe(2, result.Error);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith($"error: BINANCE_PRIVATE_KEY_PATH: {path} holds a key of type ");
        result.ErrorLines.Single().ShouldEndWith("; Binance accepts RSA or Ed25519");
        ShouldRefuseWithoutKeyMaterial(result, path, result.ErrorLines.Single()["error: BINANCE_PRIVATE_KEY_PATH: ".Length..]);
    }

    [Fact]
    public async Task Validate_EncryptedEd25519KeyWithItsPassphrase_Valid()
    {
        using var dir = new TempDirectory();

        var result = await CliProcess.RunAsync(["config", "validate"],
            Keys(KeyFile("ed25519-rfc8032-test2-encrypted-password-is-password.pem"), Passphrase), dir.Path, Ct);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.Trim().ShouldBe("configuration is valid");
        result.Output.ShouldNotContain(Passphrase);
    }
}
