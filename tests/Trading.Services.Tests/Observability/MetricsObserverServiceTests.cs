using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Messaging;
using Trading.Services.Execution;
using Trading.Services.Observability;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Observability;

/// <summary>The observer counts what the bus carries and reads the portfolio gauges from the store.</summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsObserverServiceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_BusMessages_CountOrdersFillsSignalsAndRestartsAndSetTheGauges()
    {
        using var dir = new TempDirectory();
        await using var store = await TradingStoreFactory.OpenAsync(null, dir.Path, Token);
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await store.Portfolio.SaveSnapshotAsync(new PortfolioSnapshot { Time = clock.GetUtcNow(), Equity = 10_250.5m, DailyPnl = 50m, Drawdown = 0.02m }, Token);
        await using var bus = new MeteredMessageBus(new InProcessMessageBus());
        var strategy = $"observer_{Guid.NewGuid():N}"[..20];
        var order = new Order
        {
            Id = "o1", ClientOrderId = "c1", Symbol = new Symbol("BTCUSDT"), Side = OrderSide.Buy, Type = OrderType.Market, Quantity = 1m,
            Status = OrderStatus.Rejected, CreatedAt = clock.GetUtcNow(),
        };
        await bus.PublishAsync(StreamNames.Orders, ExecutionMessages.Order(order, clock.GetUtcNow()), Token);
        await bus.PublishAsync(StreamNames.Fills, ExecutionMessages.Fill(new Fill
        {
            Id = "f1", OrderId = "o1", Symbol = order.Symbol, Side = OrderSide.Buy, Quantity = 1m, Price = 1m, Time = clock.GetUtcNow(),
        }, clock.GetUtcNow()), Token);
        await bus.PublishAsync(StreamNames.Signals, SignalMessages.Create(new Signal
        {
            Id = "s1", Strategy = strategy, Symbol = order.Symbol, Side = OrderSide.Buy, Price = 1m, CreatedAt = clock.GetUtcNow(),
        }, clock.GetUtcNow()), Token);
        foreach (var status in new[] { BotStatuses.Running, BotStatuses.Faulted, BotStatuses.Running })
            await bus.PublishAsync(StreamNames.BotStatus, MessageEnvelope.Create(BotStatusMessage.Type, new BotStatusMessage("bot-1", status, "test"), clock.GetUtcNow()), Token);
        var measured = new ConcurrentQueue<(string Name, double Value, string Tags)>();
        using var listener = Listen(measured);
        var service = new MetricsObserverService(bus, store, clock, new ObservabilityOptions(), NullLogger<MetricsObserverService>.Instance);

        await service.StartAsync(Token);
        await TestWait.UntilAsync(() => measured.Count(m => m.Name is "orders_total" or "fills_total" or "signals_total" or "bot_restarts_total") >= 4,
            TimeSpan.FromSeconds(30), Token);
        await TestWait.UntilAsync(() => { listener.RecordObservableInstruments(); return measured.Any(m => m.Name == "portfolio_value" && m.Value == 10_250.5); }, TimeSpan.FromSeconds(30), Token);
        await service.StopAsync(Token);

        measured.ShouldContain(m => m.Name == "orders_total" && m.Tags == "status=rejected" && m.Value == 1);
        measured.ShouldContain(m => m.Name == "fills_total" && m.Value == 1);
        measured.ShouldContain(m => m.Name == "signals_total" && m.Tags == $"strategy={strategy}");
        measured.Count(m => m.Name == "bot_restarts_total").ShouldBe(1);
        measured.ShouldContain(m => m.Name == "portfolio_value" && m.Value == 10_250.5);
        measured.ShouldContain(m => m.Name == "drawdown_ratio" && m.Value == 0.02);
    }

    private static MeterListener Listen(ConcurrentQueue<(string, double, string)> measured)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TradingMetrics.MeterName) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measured.Enqueue((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measured.Enqueue((i.Name, v, Tags(tags))));
        listener.Start();
        return listener;
    }

    private static string Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var tag in tags) parts.Add($"{tag.Key}={tag.Value}");
        return string.Join(",", parts);
    }
}
