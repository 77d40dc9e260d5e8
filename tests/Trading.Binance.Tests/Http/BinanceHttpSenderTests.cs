using Trading.TestInfrastructure;
using Shouldly;
using Trading.Binance.Errors;
using Trading.Binance.Simulator;
using Trading.Core.Model;

using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Tests.Http;

public sealed class BinanceHttpSenderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ManualTimeProvider NewTime() => new(new DateTimeOffset(2026, 1, 1, 12, 0, 10, TimeSpan.Zero));

    private static BinanceClientOptions Patient => SimulatorHarness.Fast with
    {
        AttemptTimeout = TimeSpan.FromHours(1), TotalTimeout = TimeSpan.FromHours(2),
    };

    [Fact]
    public async Task GetAsync_WeightBudgetExhausted_WaitsForNextMinuteInsteadOfHitting429()
    {
        var time = NewTime();
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(10), SimulatorHarness.WithTime(time, weightLimit: 30), Patient);
        await sim.Client.GetExchangeInfoAsync(Ct); // weight 20, and teaches the client the limit of 30
        for (var i = 0; i < 5; i++) await sim.Client.GetKlinesAsync(TestCandles.BtcUsdt, Timeframe.M1, null, null, ct: Ct);

        var sixth = sim.Client.GetKlinesAsync(TestCandles.BtcUsdt, Timeframe.M1, null, null, ct: Ct);
        var page = await time.AdvanceUntilDoneAsync(sixth, TimeSpan.FromSeconds(5));

        page.Count.ShouldBe(10);
        var requests = sim.Simulator.Requests.All;
        requests.ShouldAllBe(r => r.Status == 200);
        requests[^1].Time.ShouldBeGreaterThanOrEqualTo(new DateTimeOffset(2026, 1, 1, 12, 1, 0, TimeSpan.Zero));
        sim.Client.Budget.WeightLimit.ShouldBe(30);
    }

    [Fact]
    public async Task GetAsync_429WithRetryAfter_WaitsRetryAfterThenSucceeds()
    {
        var time = NewTime();
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(10), SimulatorHarness.WithTime(time), Patient);
        sim.Simulator.Faults.Enqueue(HttpFault.RateLimited(retryAfterSeconds: 7));

        var page = await time.AdvanceUntilDoneAsync(
            sim.Client.GetKlinesAsync(TestCandles.BtcUsdt, Timeframe.M1, null, null, ct: Ct), TimeSpan.FromMilliseconds(500));

        page.Count.ShouldBe(10);
        var requests = sim.Simulator.Requests.All;
        requests.Select(r => r.Status).ShouldBe([429, 200]);
        (requests[1].Time - requests[0].Time).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task GetAsync_418_ThrowsBanUntilRetryAfterAndStopsSending()
    {
        var time = NewTime();
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(10), SimulatorHarness.WithTime(time), Patient);
        sim.Simulator.Faults.Enqueue(HttpFault.Banned(retryAfterSeconds: 120));

        var ban = await Should.ThrowAsync<BinanceBannedException>(() => sim.Client.GetServerTimeAsync(Ct));
        var again = await Should.ThrowAsync<BinanceBannedException>(() => sim.Client.PingAsync(Ct));

        ban.BannedUntil.ShouldBe(time.GetUtcNow().AddSeconds(120));
        again.BannedUntil.ShouldBe(ban.BannedUntil);
        sim.Simulator.Requests.All.Count.ShouldBe(1, "nothing is sent while banned");
        ban.Message.ShouldContain("banned");
    }

    [Fact]
    public async Task GetAsync_BanSeenByOneClient_StopsEveryClientOfThatServer()
    {
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(10));
        using var http = new HttpClient();
        var other = new BinanceMarketDataClient(http, SimulatorHarness.Fast with { BaseUrl = sim.Simulator.BaseUrl });
        sim.Simulator.Faults.Enqueue(HttpFault.Banned(retryAfterSeconds: 60));

        await Should.ThrowAsync<BinanceBannedException>(() => sim.Client.PingAsync(Ct));
        await Should.ThrowAsync<BinanceBannedException>(() => other.PingAsync(Ct));

        other.Budget.ShouldBeSameAs(sim.Client.Budget);
        sim.Simulator.Requests.All.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetKlinesAsync_TruncatedBody_ThrowsMalformedWithoutRetrying()
    {
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(10));
        sim.Simulator.Faults.Enqueue(HttpFault.MalformedBody());

        var error = await Should.ThrowAsync<BinanceMalformedResponseException>(() =>
            sim.Client.GetKlinesAsync(TestCandles.BtcUsdt, Timeframe.M1, null, null, ct: Ct));

        error.Message.ShouldStartWith("Malformed Binance klines payload");
        sim.Simulator.Requests.All.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetAsync_Two503s_RetriesAndSucceeds()
    {
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(10));
        sim.Simulator.Faults.Enqueue(HttpFault.ServerError(times: 2));

        var page = await sim.Client.GetKlinesAsync(TestCandles.BtcUsdt, Timeframe.M1, null, null, ct: Ct);

        page.Count.ShouldBe(10);
        sim.Simulator.Requests.All.Select(r => r.Status).ShouldBe([503, 503, 200]);
    }

    [Fact]
    public async Task GetAsync_Endless5xx_GivesUpWithClearErrorAfterBoundedAttempts()
    {
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(10));
        sim.Simulator.Faults.Enqueue(HttpFault.ServerError(times: 100, status: 502));

        var error = await Should.ThrowAsync<BinanceUnavailableException>(() =>
            sim.Client.GetKlinesAsync(TestCandles.BtcUsdt, Timeframe.M1, null, null, ct: Ct));

        error.Message.ShouldContain("/api/v3/klines");
        error.Message.ShouldContain("HTTP 502");
        sim.Simulator.Requests.Count("/api/v3/klines").ShouldBe(SimulatorHarness.Fast.MaxRetryAttempts + 1);
    }

    [Fact]
    public async Task GetAsync_SlowAnswers_TimeOutAndGiveUpWithinTotalTimeout()
    {
        var time = NewTime();
        var options = SimulatorHarness.Fast with { AttemptTimeout = TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromSeconds(25) };
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(10), SimulatorHarness.WithTime(time), options);
        sim.Simulator.Faults.Enqueue(HttpFault.Delayed(TimeSpan.FromMinutes(5), times: 100));

        var call = sim.Client.GetServerTimeAsync(Ct);
        var error = await Should.ThrowAsync<BinanceUnavailableException>(() => time.AdvanceUntilDoneAsync(call, TimeSpan.FromSeconds(1)));

        error.Message.ShouldContain("/api/v3/time");
    }
}
