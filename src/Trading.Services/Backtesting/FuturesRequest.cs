using System.Globalization;
using Trading.Core.Backtesting;
using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Services.Backtesting;

/// <summary>
/// A futures backtest's options (--market usdm): the leverage and where funding comes from, a fundingRate file or a
/// stated constant rate, else the funding rates in the store (read by <see cref="FuturesMarketData"/>).
/// <see cref="Resolve"/> turns them into engine settings or throws one clear reason.
/// </summary>
public sealed record FuturesRequest
{
    public int Leverage { get; init; } = 1;
    public decimal? FundingRate { get; init; }
    public IReadOnlyList<string> FundingFiles { get; init; } = [];

    /// <summary>The configured RISK_FUTURES_* limits: a futures backtest runs under them, as a live bot would.</summary>
    public FuturesRiskLimits RiskLimits { get; init; } = new();

    /// <summary>True when neither --funding-rate nor --funding-file is given: the stored funding rates are used, if any.</summary>
    public bool WantsStoredFunding => FundingRate is null && FundingFiles.Count == 0;

    /// <summary>
    /// Checks what can be checked without the store: the symbol, the leverage and any stated funding. When no funding is
    /// stated it may come from the store, which <see cref="FuturesMarketData"/> reads (and refuses when it holds none).
    /// </summary>
    public void Validate(Symbol symbol) => Resolve(symbol, WantsStoredFunding ? FundingRates.Constant(0m) : null);

    /// <param name="symbol">The futures symbol.</param>
    /// <param name="storedFunding">The stored funding of the range, used when no funding is stated.</param>
    /// <param name="spotCandlesStandIn">False when the candles are the stored usdm series.</param>
    public FuturesBacktestSettings Resolve(Symbol symbol, FundingRates? storedFunding = null, bool spotCandlesStandIn = true)
    {
        if (!KnownLeverageBrackets.TryGet(symbol, out var brackets))
            throw new BacktestInputException($"unknown futures symbol {symbol}: no leverage brackets for it (known: {KnownLeverageBrackets.BtcUsdt.Symbol}).");
        if (Leverage < 1 || Leverage > brackets.MaxLeverage)
            throw new BacktestInputException(string.Create(CultureInfo.InvariantCulture,
                $"--leverage {Leverage} is outside 1..{brackets.MaxLeverage}, the {symbol} bracket maximum."));
        if (Leverage > RiskLimits.MaxLeverage)
            throw new BacktestInputException(string.Create(CultureInfo.InvariantCulture,
                $"--leverage {Leverage} is above RISK_FUTURES_MAX_LEVERAGE {RiskLimits.MaxLeverage}: raise the setting to backtest with more."));
        return new FuturesBacktestSettings
        {
            Leverage = Leverage, Brackets = brackets, Funding = Funding(storedFunding), SpotCandlesStandIn = spotCandlesStandIn, RiskLimits = RiskLimits,
        };
    }

    private FundingRates Funding(FundingRates? storedFunding)
    {
        if (FundingFiles.Count > 0 && FundingRate is not null)
            throw new BacktestInputException("give either --funding-file or --funding-rate, not both.");
        if (FundingFiles.Count > 0)
        {
            try
            {
                return FundingRateCsv.Load(FundingFiles);
            }
            catch (Exception e) when (e is FormatException or IOException or InvalidDataException or UnauthorizedAccessException)
            {
                throw new BacktestInputException($"--funding-file: {e.Message}");
            }
        }
        if (FundingRate is not { } rate)
        {
            return storedFunding ?? throw new BacktestInputException("--market usdm needs funding: --funding-file FILE (data.binance.vision fundingRate), " +
                "a stated --funding-rate, e.g. 0.0001, or funding rates in the store (trading data import --market usdm --funding FILE).");
        }
        if (rate is <= -0.03m or >= 0.03m)
            throw new BacktestInputException(string.Create(CultureInfo.InvariantCulture, $"--funding-rate {rate} is not a funding rate per 8 h (a fraction within -0.03..0.03, e.g. 0.0001)."));
        return FundingRates.Constant(rate);
    }
}
