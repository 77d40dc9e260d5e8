using Trading.Core.Futures;
using Trading.Core.Model;

namespace Trading.Binance.Simulator.Futures;

/// <summary>
/// The simulator's USDⓈ-M account (docs/simulator.md, "Futures"): its starting USDT wallet, the fees, the leverage a symbol
/// starts with, the funding rates and the leverage brackets. A symbol is a futures symbol when it has brackets.
/// </summary>
public sealed record FuturesSimulatorOptions
{
    public decimal StartingWallet { get; init; } = 10_000m;

    /// <summary>Binance's regular tier: 0.05 % taker.</summary>
    public decimal TakerFeeRate { get; init; } = 0.0005m;

    /// <summary>Binance's regular tier: 0.02 % maker.</summary>
    public decimal MakerFeeRate { get; init; } = 0.0002m;

    /// <summary>The leverage a symbol has before POST /fapi/v1/leverage (Binance's default is 20).</summary>
    public int DefaultLeverage { get; init; } = 20;

    /// <summary>Funding for every symbol without its own entry in <see cref="FundingBySymbol"/>: a stated constant every 8 h.</summary>
    public FundingRates Funding { get; init; } = FundingRates.Constant(0.0001m);

    /// <summary>Per symbol funding, e.g. the settlements of a data.binance.vision fundingRate file.</summary>
    public IReadOnlyDictionary<Symbol, FundingRates> FundingBySymbol { get; init; } = new Dictionary<Symbol, FundingRates>();

    /// <summary>The futures symbols and their brackets; by default BTCUSDT's shipped table (docs/futures.md).</summary>
    public IReadOnlyList<LeverageBrackets> Brackets { get; init; } = [KnownLeverageBrackets.BtcUsdt];

    internal FundingRates FundingFor(Symbol symbol) => FundingBySymbol.GetValueOrDefault(symbol) ?? Funding;
}
