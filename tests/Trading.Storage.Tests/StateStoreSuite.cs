using Shouldly;
using Trading.Core.Storage;

namespace Trading.Storage.Tests;

/// <summary>Bots, backtest runs, system state, risk decisions and migrations.</summary>
public abstract partial class TradingStoreSuite
{
    [Fact]
    public async Task Bots_SaveGetListDelete_RoundTripsDefinitions()
    {
        var bot = new BotDefinition
        {
            Id = "b1", Strategy = "sma_cross", Symbols = ["BTCUSDT", "ETHUSDT"], Timeframe = "5m",
            Parameters = new Dictionary<string, string> { ["fast"] = "10", ["slow"] = "30" }, SizingValue = 0.01m, Status = "running",
        };
        await Store.Bots.SaveAsync(bot, Ct);
        await Store.Bots.SaveAsync(bot with { Id = "b0", Enabled = false }, Ct);

        var read = await Store.Bots.GetAsync("b1", Ct);
        read.ShouldNotBeNull();
        read.Symbols.ShouldBe(bot.Symbols);
        read.Parameters.ShouldBe(bot.Parameters);
        (read with { Symbols = bot.Symbols, Parameters = bot.Parameters }).ShouldBe(bot);
        (await Store.Bots.ListAsync(Ct)).Select(b => (b.Id, b.Enabled)).ShouldBe([("b0", false), ("b1", true)]);
        (await Store.Bots.DeleteAsync("b1", Ct)).ShouldBeTrue();
        (await Store.Bots.DeleteAsync("b1", Ct)).ShouldBeFalse();
        (await Store.Bots.GetAsync("b1", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task BacktestRuns_SaveGetLatestList_ListLeavesOutTradesAndEquity()
    {
        var older = new BacktestRunRecord
        {
            Id = "r1", Kind = "backtest", Strategy = "sma_cross", Symbol = "BTCUSDT", Timeframe = "1h", FromMs = T0, ToMs = T0 + 86_400_000,
            CreatedAt = Now, ParametersJson = """{"fast":10}""", StatisticsJson = """{"sharpe":1.2}""",
            TradesJson = """[{"pnl":5}]""", EquityJson = "[10000,10005]",
        };
        var newer = older with { Id = "r2", CreatedAt = Now.AddMinutes(1) };
        await Store.BacktestRuns.SaveAsync(older, Ct);
        await Store.BacktestRuns.SaveAsync(newer, Ct);

        (await Store.BacktestRuns.GetAsync("r1", Ct)).ShouldBe(older);
        (await Store.BacktestRuns.GetLatestAsync(Ct)).ShouldBe(newer);
        var list = await Store.BacktestRuns.ListAsync(ct: Ct);
        list.Select(r => r.Id).ShouldBe(["r2", "r1"]);
        list[0].TradesJson.ShouldBe("[]");
        list[0].StatisticsJson.ShouldBe(older.StatisticsJson);
    }

    [Fact]
    public async Task SystemState_KillSwitch_SurvivesReopen()
    {
        await Store.SystemState.SetAsync("kill_switch", "off", Ct);
        await Store.SystemState.SetAsync("kill_switch", "on", Ct);

        await ReopenAsync();

        (await Store.SystemState.GetAsync("kill_switch", Ct)).ShouldBe("on");
        (await Store.SystemState.GetAsync("missing", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task RiskDecisions_SaveAndList_FiltersNewestFirstAndIgnoresReplays()
    {
        var denied = new RiskDecisionRecord { Id = "d1", Time = Now, SignalId = "s1", Check = "max_position", Allowed = false, Reason = "too big" };
        var allowed = new RiskDecisionRecord { Id = "d2", Time = Now.AddSeconds(1), SignalId = "s2", OrderId = "o2", Check = "notional", Allowed = true };
        await Store.RiskDecisions.SaveAsync(denied, Ct);
        await Store.RiskDecisions.SaveAsync(denied, Ct);
        await Store.RiskDecisions.SaveAsync(allowed, Ct);

        (await Store.RiskDecisions.ListAsync(ct: Ct)).ShouldBe([allowed, denied]);
        (await Store.RiskDecisions.ListAsync(signalId: "s1", ct: Ct)).ShouldBe([denied]);
        (await Store.RiskDecisions.ListAsync(orderId: "o2", ct: Ct)).ShouldBe([allowed]);
    }

    [Fact]
    public async Task MigrateAsync_RunAgainAndAfterReopen_ChangesNothingAndReportsAllApplied()
    {
        var first = await Store.GetMigrationStatusAsync(Ct);
        await Store.SystemState.SetAsync("k", "v", Ct);

        var again = await Store.MigrateAsync(Ct);
        await ReopenAsync();

        first.ShouldNotBeEmpty();
        first.ShouldAllBe(m => m.Applied && m.AppliedAt != null);
        again.ShouldBe(first);
        (await Store.GetMigrationStatusAsync(Ct)).ShouldBe(first);
        first.Select(m => m.Version).ShouldBe(first.Select(m => m.Version).Order());
        (await Store.SystemState.GetAsync("k", Ct)).ShouldBe("v");
    }

    [Fact]
    public async Task GetMigrationStatusAsync_FreshDatabase_ListsEveryMigrationPendingUntilMigrated()
    {
        var (url, dataDir) = await NewLocationAsync();
        try
        {
            await using var fresh = await TradingStoreFactory.ConnectAsync(url, dataDir, Ct);
            var pending = await fresh.GetMigrationStatusAsync(Ct);
            var applied = await fresh.MigrateAsync(Ct);

            pending.ShouldNotBeEmpty();
            pending.ShouldAllBe(m => !m.Applied && m.AppliedAt == null);
            applied.Select(m => m.Version).ShouldBe(pending.Select(m => m.Version));
            applied.ShouldAllBe(m => m.Applied);
        }
        finally
        {
            await DeleteLocationAsync(url, dataDir);
        }
    }
}
