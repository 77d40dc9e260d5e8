using Trading.Core.Allocation;
using Trading.Core.Backtesting;
using Trading.Core.Execution;
using Trading.Core.Model;

namespace Trading.Services.Backtesting;

/// <summary>What to backtest: a strategy with parameters over [FromMs, ToMs) of one series, and the trading settings.</summary>
public sealed record BacktestRequest
{
    public required string Strategy { get; init; }
    public required Symbol Symbol { get; init; }
    public Timeframe Timeframe { get; init; } = Timeframe.M1;
    public required long FromMs { get; init; }
    public required long ToMs { get; init; }
    public decimal Balance { get; init; } = 10_000m;
    public decimal FeeBps { get; init; } = 10m;
    public decimal SlippageBps { get; init; } = 2m;
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The user's --filters; null: the symbol's stored, shipped or derived filters (<see cref="BacktestFilters"/>).</summary>
    public FilterOverride? FilterOverride { get; init; }

    /// <summary>Sizing, protective exits and entry type: the configured ones (as live trading uses them) unless overridden.</summary>
    public ExecutionPolicy Policy { get; init; } = new();

    /// <summary>--market usdm: leverage and funding; null for spot.</summary>
    public FuturesRequest? Futures { get; init; }

    /// <summary>The allocator's budget for a portfolio run (<see cref="Strategy"/> lists several strategies: a,b,c).</summary>
    public AllocationLimits Allocation { get; init; } = new();

    public bool IsPortfolio => PortfolioStrategies.IsPortfolio(Strategy);

    public BacktestSettings ToSettings(SymbolFilters filters) =>
        new() { InitialBalance = Balance, FeeBps = FeeBps, SlippageBps = SlippageBps, Filters = filters, Policy = Policy };

    public void Validate()
    {
        if (FromMs >= ToMs)
            throw new BacktestInputException($"--from ({Date(FromMs)}) must be before the end of --to ({Date(ToMs)}, exclusive).");
        if (Balance <= 0) throw new BacktestInputException($"--balance must be positive, got {Balance}.");
        if (FeeBps is < 0 or > 1000) throw new BacktestInputException($"--fee-bps must be within 0..1000, got {FeeBps}.");
        if (SlippageBps is < 0 or > 1000) throw new BacktestInputException($"--slippage-bps must be within 0..1000, got {SlippageBps}.");
        Futures?.Validate(Symbol);
        if (Futures is not null && Policy.EntryOrderType == EntryOrderType.Limit)
            throw new BacktestInputException("ENTRY_ORDER_TYPE=limit is not supported with --market usdm: futures backtests enter with market orders; set ENTRY_ORDER_TYPE=market.");
        try
        {
            Allocation.Validate();
            Policy.Validate();
        }
        catch (ArgumentException e)
        {
            throw new BacktestInputException(e.Message);
        }
    }

    private static string Date(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
