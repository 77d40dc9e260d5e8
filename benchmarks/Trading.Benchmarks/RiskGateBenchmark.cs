using System.Diagnostics;
using Trading.Core.Model;
using Trading.Core.Portfolio;
using Trading.Core.Risk;

namespace Trading.Benchmarks;

/// <summary>
/// Risk-gate decisions per second over a realistic mix: 4 symbols, 2 open positions, 2 open orders; buys and sells,
/// market and limit, about one in four denied (duplicate, size, filters, price move, balance). Also allocations
/// per decision, overall and for allowed decisions alone.
/// </summary>
internal static class RiskGateBenchmark
{
    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 && double.TryParse(args[0], out var s) ? s : 2.0;
        var (gate, state, requests) = Build();

        var byCheck = requests.GroupBy(r => gate.Evaluate(r, state).Check).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        Console.WriteLine($"mix of {requests.Length} requests: {string.Join(", ", byCheck)} (None = allowed)");

        Measure(gate, state, requests, TimeSpan.FromSeconds(0.5)); // warm-up (tiered JIT)
        var (decisions, elapsed, cpu, bytes) = Measure(gate, state, requests, TimeSpan.FromSeconds(seconds));
        Console.WriteLine($"risk gate (mix): {decisions / elapsed.TotalSeconds:N0} decisions/s wall clock, {decisions / cpu.TotalSeconds:N0} decisions per CPU-second ({decisions:N0} decisions, {elapsed.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU)");
        Console.WriteLine($"allocations (mix): {(double)bytes / decisions:F1} bytes/decision, all from denial reason strings");

        var onlyAllowed = requests.Where(r => gate.Evaluate(r, state).IsAllowed).ToArray();
        var (allowedDecisions, allowedElapsed, allowedCpu, allowedBytes) = Measure(gate, state, onlyAllowed, TimeSpan.FromSeconds(seconds / 2));
        Console.WriteLine($"allowed only: {allowedDecisions / allowedElapsed.TotalSeconds:N0} decisions/s wall clock, {allowedDecisions / allowedCpu.TotalSeconds:N0} per CPU-second, {(double)allowedBytes / allowedDecisions:F2} bytes/decision");
        return 0;
    }

    private static (long Decisions, TimeSpan Elapsed, TimeSpan Cpu, long Bytes) Measure(RiskGate gate, IRiskContext state, OrderRequest[] requests, TimeSpan duration)
    {
        var decisions = 0L;
        var sink = 0;
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            for (var i = 0; i < requests.Length; i++) sink += (int)gate.Evaluate(requests[i], state).Check;
            decisions += requests.Length;
        }
        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        GC.KeepAlive(sink);
        return (decisions, watch.Elapsed, cpu, bytes);
    }

    private static (RiskGate Gate, MarketState State, OrderRequest[] Requests) Build()
    {
        var start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var symbols = new (Symbol Symbol, decimal Price, SymbolFilters Filters)[]
        {
            (new Symbol("BTCUSDT"), 64_250.37m, new SymbolFilters { TickSize = 0.01m, StepSize = 0.00001m, MinQuantity = 0.00001m, MinNotional = 5m }),
            (new Symbol("ETHUSDT"), 3_412.58m, new SymbolFilters { TickSize = 0.01m, StepSize = 0.0001m, MinQuantity = 0.0001m, MinNotional = 5m }),
            (new Symbol("SOLUSDT"), 142.31m, new SymbolFilters { TickSize = 0.01m, StepSize = 0.001m, MinQuantity = 0.001m, MinNotional = 5m }),
            (new Symbol("BNBUSDT"), 412.9m, new SymbolFilters { TickSize = 0.1m, StepSize = 0.001m, MinQuantity = 0.001m, MinNotional = 5m }),
        };
        var account = new PortfolioAccount(100_000m, start);
        var state = new MarketState(account, new FixedClock(start.AddHours(10)));
        foreach (var (symbol, price, filters) in symbols)
        {
            state.SetFilters(symbol, filters);
            account.Mark(symbol, price, start.AddHours(1));
        }
        Buy(account, symbols[0].Symbol, 0.1m, symbols[0].Price, start);
        Buy(account, symbols[1].Symbol, 1.5m, symbols[1].Price, start);
        state.Track(OpenOrder("open-sol-buy", symbols[2].Symbol, OrderSide.Buy, 10m, 140m, start));
        state.Track(OpenOrder("open-eth-sell", symbols[1].Symbol, OrderSide.Sell, 0.5m, 3_500m, start));

        var gate = new RiskGate(new RiskLimits { MaxOpenPositions = 5, MaxPositionFraction = 0.2m, PriceMoveGuardPct = 1m });
        var requests = new List<OrderRequest>();
        var random = new Random(42);
        for (var i = 0; i < 4_096; i++)
        {
            // Sells only where something is held; a few too large. Buys of 10..6000 quote, a few below the minimum
            // notional or above the size limit. Signals within ±1.1% of the market, so a few trip the price guard.
            var sell = random.Next(4) == 0;
            var (symbol, price, _) = sell ? symbols[0] : symbols[random.Next(10) switch { < 4 => 0, < 7 => 1, < 8 => 2, _ => 3 }];
            var notional = sell ? (decimal)(random.NextDouble() * 7_000 + 10) : (decimal)(random.NextDouble() * 6_000 + 10);
            if (random.Next(50) == 0) notional = 3m;
            if (random.Next(50) == 0) notional = 25_000m;
            var quantity = Math.Round(notional / price, 6);
            var signal = price * (1m + (decimal)(random.NextDouble() * 0.022 - 0.011));
            decimal? limit = random.Next(2) == 0 ? Math.Round(price * 0.999m, 3) : null;
            requests.Add(new OrderRequest(symbol, sell ? OrderSide.Sell : OrderSide.Buy, quantity, limit, Math.Round(signal, 2)));
        }
        return (gate, state, requests.ToArray());
    }

    private static void Buy(PortfolioAccount account, Symbol symbol, decimal quantity, decimal price, DateTimeOffset time) =>
        account.Apply(new Fill { Id = "seed-" + symbol, OrderId = "seed", Symbol = symbol, Side = OrderSide.Buy, Price = price, Quantity = quantity, Time = time.AddHours(2) });

    private static Order OpenOrder(string id, Symbol symbol, OrderSide side, decimal quantity, decimal price, DateTimeOffset time) => new()
    {
        Id = id, ClientOrderId = id, Symbol = symbol, Side = side, Type = OrderType.Limit, Price = price,
        Quantity = quantity, Status = OrderStatus.New, CreatedAt = time,
    };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
