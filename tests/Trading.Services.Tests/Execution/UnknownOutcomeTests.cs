using Shouldly;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Services.Execution;

namespace Trading.Services.Tests.Execution;

/// <summary>
/// The venue accepts every order and then the answer is lost (and, every other time, the follow-up query too),
/// 50 deliveries over 5 signals with a fresh executor each time: each signal reaches the venue exactly once.
/// </summary>
public sealed class UnknownOutcomeTests
{
    [Fact]
    public async Task ExecuteAsync_AnswersLostAcrossRestarts_EachSignalPlacedOnce()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await h.Store.Candles.UpsertAsync([ExecutionHarness.Bar(0, 70_000m)], h.Token);
        var filters = SymbolDirectory.Offline(h.Settings);
        Symbol[] symbols = [ExecutionHarness.Btc, new("ETHUSDT"), .. ExecutionHarness.ExtraSymbols.Select(s => new Symbol(s))];
        var paper = new PaperVenue(new FillModel(), 10_000m, symbols.Select(s => (s, filters[s], 0m)));
        var venue = new LosingAnswersVenue(paper);

        for (var delivery = 0; delivery < 50; delivery++)
        {
            venue.LoseQueries = delivery % 2 == 0;
            await h.ReopenStoreAsync();
            var executor = await h.CreateExecutorAsync(ExecutionMode.Testnet, venue);
            await executor.ExecuteAsync(Request(symbols, delivery % 5), h.Token);
        }
        venue.LoseQueries = false;
        var final = await h.CreateExecutorAsync(ExecutionMode.Testnet, venue);
        for (var s = 0; s < 5; s++)
            (await final.ExecuteAsync(Request(symbols, s), h.Token)).Result.ShouldBe(ExecutionResult.Duplicate);

        venue.Placements.ShouldBe(5);
        paper.OpenOrders.Select(o => o.ClientOrderId).Distinct().Count().ShouldBe(5);
        var orders = await h.Store.Orders.ListAsync(false, 100, h.Token);
        orders.Count.ShouldBe(5);
        orders.ShouldAllBe(o => o.Status == OrderStatus.New);
    }

    /// <summary>Signal n: a limit buy on its own symbol (the gate allows one open buy per symbol).</summary>
    private static ExecutionRequest Request(Symbol[] symbols, int n) =>
        new($"sig-{n}", new OrderIntent(symbols[n], OrderSide.Buy, 0.001m, LimitPrice: 60_000m));

    /// <summary>A venue whose answers to placements are always lost after it accepted the order.</summary>
    private sealed class LosingAnswersVenue(PaperVenue inner) : IExecutionVenue
    {
        public int Placements { get; private set; }
        public bool LoseQueries { get; set; }
        public string Name => "losing-answers";
        public ISimulatedBook? SimulatedBook => null;
        public IVenueAccount? Account => null;
        public void Attach(Func<VenueUpdate, CancellationToken, ValueTask> sink) => inner.Attach(sink);

        public async Task<IReadOnlyList<VenueUpdate>> PlaceAsync(Order submitted, CancellationToken ct)
        {
            Placements++;
            await inner.PlaceAsync(submitted, ct);
            throw new VenueOutcomeUnknownException("timed out after the venue accepted the order");
        }

        public Task<IReadOnlyList<VenueUpdate>?> QueryAsync(Order stored, CancellationToken ct) =>
            LoseQueries ? throw new VenueOutcomeUnknownException("query timed out") : inner.QueryAsync(stored, ct);

        public Task<IReadOnlyList<VenueUpdate>> CancelAsync(Order stored, CancellationToken ct) => inner.CancelAsync(stored, ct);

        public Task<IReadOnlyList<VenueUpdate>> PlaceExitAsync(Order submitted, ProtectiveExitTrigger trigger, CancellationToken ct) =>
            inner.PlaceExitAsync(submitted, trigger, ct);
    }
}
