using Trading.Core.Model;
using Trading.Core.Strategies;

namespace Trading.Services.Execution;

/// <summary>
/// What the strategy engine drives candle by candle when it hosts the executor (<see cref="InlineExecution"/>): the spot
/// <see cref="OrderExecutor"/>, or a USDⓈ-M bot's <see cref="Futures.FuturesExecutor"/>. The venue sees each closed candle
/// before the strategy, the strategy sees the executor's position, and each signal is executed before the next candle.
/// </summary>
public interface IInlineExecutor
{
    ValueTask OnCandleAsync(Candle candle, CancellationToken ct = default);

    Task<ExecutionOutcome> ExecuteAsync(ExecutionRequest request, CancellationToken ct = default);

    /// <summary>Hands the strategy its positions (its own and those of its extra series) as a backtest would after the fills.</summary>
    void ShowPositions(StrategyContext context);
}
