using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Trading.Core.Model;
using Trading.Services.Execution;

namespace Trading.Services.Tests.Execution;

/// <summary>PAPER_FEE_BPS and PAPER_SLIPPAGE_BPS reach the paper venue through <see cref="ExecutionOptions.PaperFill"/>.</summary>
public sealed class PaperFillSettingsTests
{
    [Theory]
    [InlineData(10, 0, 70_100, 0.7010)]
    [InlineData(0, 100, 70_801, 0)]
    [InlineData(25, 2, 70_114.02, 1.7528505)]
    public async Task ExecuteAsync_PaperFeeAndSlippageSettings_PriceAndFeeTheFill(int feeBps, int slippageBps, decimal price, decimal fee)
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await h.Store.Candles.UpsertAsync([ExecutionHarness.Bar(0, 70_000m)], h.Token);
        var settings = h.Settings with { PaperFeeBps = feeBps, PaperSlippageBps = slippageBps };
        var executor = await ExecutorFactory.CreateAsync(h.Store, h.Bus, ExecutionServiceCollectionExtensions.OptionsFrom(settings, ExecutionMode.Paper),
            ExecutorFactory.LimitsFrom(settings), SymbolDirectory.Offline(settings), h.Clock, NullLogger.Instance, h.Health, ct: h.Token);

        await executor.ExecuteAsync(ExecutionRequest.FromSignal(ExecutionHarness.BuySignal("s1", 70_000m)), h.Token);
        await executor.OnCandleAsync(ExecutionHarness.Bar(1, 70_100m), h.Token);

        (await h.NextOrderAsync(OrderStatus.Filled)).AverageFillPrice.ShouldBe(price);
        (await h.NextAsync(h.Fills)).Fee.ShouldBe(fee);
    }
}
