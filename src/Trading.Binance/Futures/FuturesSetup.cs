using Trading.Core.Model;

namespace Trading.Binance.Futures;

/// <summary>A configured futures symbol: the TradeFinder document trades it in hedge mode, isolated, at this leverage.</summary>
public sealed record FuturesSymbolSettings(Symbol Symbol, int Leverage);

/// <summary>One setting the setup looked at: what it is now and whether the setup had to change it.</summary>
public sealed record FuturesSetupStep(string Setting, string Value, bool Changed);

/// <summary>The account's settings differ from the configuration; the symbol is not traded.</summary>
public sealed class FuturesSettingsMismatchException(IReadOnlyList<string> differences)
    : Exception($"the futures settings differ from the configuration: {string.Join("; ", differences)}")
{
    public IReadOnlyList<string> Differences { get; } = differences;
}

/// <summary>
/// Start-up initialization (issue 15): hedge mode (or one-way mode, as a bot trades: <c>hedgeMode: false</c>), isolated margin
/// and the configured leverage for each futures symbol. It
/// reads the account first and changes only what differs, so running it again changes nothing; every leverage is checked
/// against the symbol's brackets before anything is changed. <see cref="EnsureTradableAsync"/> refuses a symbol whose
/// settings differ.
/// </summary>
public static class FuturesSetup
{
    public static async Task<IReadOnlyList<FuturesSetupStep>> ApplyAsync(BinanceFuturesClient client, IReadOnlyList<FuturesSymbolSettings> symbols, CancellationToken ct = default,
        bool hedgeMode = true)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(symbols);
        foreach (var s in symbols)
        {
            var brackets = (await client.GetLeverageBracketsAsync(s.Symbol, ct)).Single(b => b.Symbol == s.Symbol);
            if (s.Leverage < 1 || s.Leverage > brackets.MaxLeverage)
                throw new ArgumentOutOfRangeException(nameof(symbols), s.Leverage, $"leverage {s.Leverage}x is outside {s.Symbol}'s brackets (1..{brackets.MaxLeverage}x)");
        }
        var steps = new List<FuturesSetupStep>();
        var hedged = await client.GetDualSidePositionAsync(ct);
        if (hedged != hedgeMode) await client.SetDualSidePositionAsync(hedgeMode, ct);
        steps.Add(new FuturesSetupStep("position mode", hedgeMode ? "hedge" : "one-way", Changed: hedged != hedgeMode));
        foreach (var s in symbols)
        {
            var positions = await client.GetPositionsAsync(s.Symbol, ct);
            var isolated = positions.Count > 0 && positions.All(p => p.Isolated);
            if (!isolated) await client.SetMarginTypeAsync(s.Symbol, isolated: true, ct);
            steps.Add(new FuturesSetupStep($"{s.Symbol} margin type", "ISOLATED", Changed: !isolated));
            var sameLeverage = positions.Count > 0 && positions.All(p => p.Leverage == s.Leverage);
            if (!sameLeverage) await client.SetLeverageAsync(s.Symbol, s.Leverage, ct);
            steps.Add(new FuturesSetupStep($"{s.Symbol} leverage", $"{s.Leverage}x", Changed: !sameLeverage));
        }
        await EnsureTradableAsync(client, symbols, ct, hedgeMode);
        return steps;
    }

    /// <summary>What differs from the configuration: hedge mode off, a symbol not isolated, or at another leverage. Empty when all agree.</summary>
    public static async Task<IReadOnlyList<string>> DifferencesAsync(BinanceFuturesClient client, IReadOnlyList<FuturesSymbolSettings> symbols, CancellationToken ct = default,
        bool hedgeMode = true)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(symbols);
        var differences = new List<string>();
        var hedged = await client.GetDualSidePositionAsync(ct);
        if (hedged != hedgeMode) differences.Add(hedged ? "the account is in hedge mode, not one-way mode" : "the account is in one-way mode, not hedge mode");
        foreach (var s in symbols)
        {
            var positions = await client.GetPositionsAsync(s.Symbol, ct);
            if (positions.Count == 0 || positions.Any(p => !p.Isolated)) differences.Add($"{s.Symbol} is not in isolated margin");
            foreach (var leverage in positions.Select(p => p.Leverage).Distinct().Where(l => l != s.Leverage))
                differences.Add($"{s.Symbol} is at {leverage}x, the configuration says {s.Leverage}x");
        }
        return differences;
    }

    /// <summary>Throws <see cref="FuturesSettingsMismatchException"/> when the account's settings differ from the configuration.</summary>
    public static async Task EnsureTradableAsync(BinanceFuturesClient client, IReadOnlyList<FuturesSymbolSettings> symbols, CancellationToken ct = default,
        bool hedgeMode = true)
    {
        var differences = await DifferencesAsync(client, symbols, ct, hedgeMode);
        if (differences.Count > 0) throw new FuturesSettingsMismatchException(differences);
    }

    /// <summary>
    /// The USDⓈ-M host for a spot base URL: api.binance.com → fapi.binance.com, the spot testnet → testnet.binancefuture.com;
    /// any other host (the simulator serves both on one port) is used as it is.
    /// </summary>
    public static Uri FuturesBaseUrl(Uri spotBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(spotBaseUrl);
        return spotBaseUrl.Host switch
        {
            "api.binance.com" => new Uri(BinanceFuturesClient.MainnetUrl),
            "testnet.binance.vision" => new Uri(BinanceFuturesClient.TestnetUrl),
            _ => spotBaseUrl,
        };
    }
}
