using Trading.Binance.Orders;
using Trading.Binance.Signing;
using Trading.Services.Configuration;

namespace Trading.Services.Execution;

/// <summary>
/// The Binance credentials the settings describe: BINANCE_API_KEY with BINANCE_API_SECRET (HMAC), or with the RSA or Ed25519
/// key in BINANCE_PRIVATE_KEY_PATH (decrypted with BINANCE_PRIVATE_KEY_PASSPHRASE). Problems name the file, never its content.
/// </summary>
public static class ApiKeySigner
{
    /// <summary>Why the private key file cannot sign (unreadable, not PEM, wrong passphrase, a key type Binance does not take), or null.</summary>
    public static string? Problem(TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.BinancePrivateKeyPath is not { } path) return null;
        try
        {
            BinancePrivateKey.Load(path, settings.BinancePrivateKeyPassphrase);
            return null;
        }
        catch (BinanceKeyException e)
        {
            return $"BINANCE_PRIVATE_KEY_PATH: {e.Message}";
        }
    }

    /// <summary>The credentials, or null with the problem (missing key or signer, an unusable key file).</summary>
    public static BinanceCredentials? TryCreate(TradingSettings settings, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(settings);
        problem = null;
        var hasSigner = !string.IsNullOrWhiteSpace(settings.BinanceApiSecret) || !string.IsNullOrWhiteSpace(settings.BinancePrivateKeyPath);
        if (string.IsNullOrWhiteSpace(settings.BinanceApiKey) || !hasSigner)
        {
            problem = "needs BINANCE_API_KEY and BINANCE_API_SECRET (or BINANCE_PRIVATE_KEY_PATH)";
            return null;
        }
        if (settings.BinancePrivateKeyPath is not { } path) return new BinanceCredentials(settings.BinanceApiKey, settings.BinanceApiSecret!);
        try
        {
            return new BinanceCredentials(settings.BinanceApiKey, BinancePrivateKey.Load(path, settings.BinancePrivateKeyPassphrase));
        }
        catch (BinanceKeyException e)
        {
            problem = $"BINANCE_PRIVATE_KEY_PATH: {e.Message}";
            return null;
        }
    }
}
