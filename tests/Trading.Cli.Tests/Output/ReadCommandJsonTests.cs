using System.Text.Json;
using Shouldly;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Output;

/// <summary>
/// Every read command's --json on one seeded store: camelCase fields, and amounts at the stored filters' precision (BTCUSDT
/// tick 0.01, step 0.00001) in JSON numbers and in tables.
/// </summary>
public sealed class ReadCommandJsonTests : IDisposable
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private readonly TempDirectory _dataDir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Dictionary<string, string?> Env => new() { ["TRADING_DATA_DIR"] = _dataDir.Path, ["TRADING_CONFIG_DIR"] = _dataDir.Path };

    [Fact]
    public async Task OrderList_Json_RoundsToTickAndStepInJsonAndTable()
    {
        await SeedAsync();

        var json = await JsonAsync("order", "list");
        var table = await Run("order", "list");

        var order = json.EnumerateArray().Single(o => o.GetProperty("id").GetString() == "o1");
        order.GetProperty("price").GetDecimal().ShouldBe(70_000.12m);
        order.GetProperty("quantity").GetDecimal().ShouldBe(0.01235m);
        order.GetProperty("averageFillPrice").GetDecimal().ShouldBe(70_000.12m);
        order.GetProperty("status").GetString().ShouldBe("filled");
        order.GetProperty("clientOrderId").GetString().ShouldBe("c1");
        table.Output.ShouldContain("70000.12");
        table.Output.ShouldContain("0.01235");
        table.Output.ShouldNotContain("70000.123456");
    }

    [Fact]
    public async Task PortfolioShowAndHistory_Json_QuoteAmountsAtTwoDecimals()
    {
        await SeedAsync();

        var show = await JsonAsync("portfolio", "show");
        var history = await JsonAsync("portfolio", "history", "--days", "3");
        var table = await Run("portfolio", "history", "--days", "3");

        show.GetProperty("quoteAsset").GetString().ShouldBe("USDT");
        Decimals(show.GetProperty("equity")).ShouldBeLessThanOrEqualTo(2);
        Decimals(show.GetProperty("cash")).ShouldBeLessThanOrEqualTo(2);
        var position = show.GetProperty("positions").EnumerateArray().ShouldHaveSingleItem();
        position.GetProperty("quantity").GetDecimal().ShouldBe(0.01235m);
        Decimals(position.GetProperty("averageEntryPrice")).ShouldBeLessThanOrEqualTo(2);
        var snapshot = history.EnumerateArray().ShouldHaveSingleItem();
        snapshot.GetProperty("equity").GetDecimal().ShouldBe(9_999.1m);
        snapshot.GetProperty("dailyPnl").GetDecimal().ShouldBe(-32.92m);
        table.Output.ShouldContain("9999.10");
        table.Output.ShouldNotContain("9999.0978");
    }

    [Fact]
    public async Task DataListTradeStatusDbStatus_Json_HaveCamelCaseFields()
    {
        await SeedAsync();

        var data = (await JsonAsync("data", "list")).EnumerateArray().ShouldHaveSingleItem();
        var trade = await JsonAsync("trade", "status");
        var db = await JsonAsync("db", "status");

        data.GetProperty("symbol").GetString().ShouldBe("BTCUSDT");
        data.GetProperty("rows").GetInt64().ShouldBe(1);
        data.GetProperty("gaps").GetInt32().ShouldBe(0);
        trade.GetProperty("bots").GetArrayLength().ShouldBe(0);
        Decimals(trade.GetProperty("account").GetProperty("equity")).ShouldBeLessThanOrEqualTo(2);
        db.GetProperty("migrations").EnumerateArray().ShouldAllBe(m => m.GetProperty("applied").GetBoolean());
        db.GetProperty("store").GetString()!.ShouldContain("sqlite");
    }

    [Fact]
    public async Task StrategyListAndInfo_Json_ListsBuiltInsAndParameters()
    {
        var list = await JsonAsync("strategy", "list");
        var info = await JsonAsync("strategy", "info", "--name", "rsi");

        list.GetProperty("strategies").EnumerateArray().ShouldContain(s => s.GetProperty("name").GetString() == "rsi" && s.GetProperty("builtIn").GetBoolean());
        info.GetProperty("name").GetString().ShouldBe("rsi");
        info.GetProperty("warmUp").GetInt32().ShouldBeGreaterThan(0);
        info.GetProperty("parameters").EnumerateArray().ShouldContain(p => p.GetProperty("name").GetString() == "period");
    }

    [Fact]
    public async Task BacktestListAndReport_Json_ShowTheStoredRun()
    {
        await SeedAsync();

        var list = (await JsonAsync("backtest", "list")).EnumerateArray().ShouldHaveSingleItem();
        var report = await JsonAsync("backtest", "report", "--id", "run-1");

        list.GetProperty("id").GetString().ShouldBe("run-1");
        list.GetProperty("statistics").GetProperty("best").GetDouble().ShouldBe(1.5);
        report.GetProperty("kind").GetString().ShouldBe("optimize");
        report.GetProperty("result").GetProperty("best").GetDouble().ShouldBe(1.5);
    }

    [Fact]
    public async Task ConfigShow_Json_ListsEverySettingWithSecretsMasked()
    {
        var env = new Dictionary<string, string?>(Env) { ["ALERTS_TELEGRAM_TOKEN"] = "123:very-secret-token", ["ALERTS_TELEGRAM_CHAT_ID"] = "42" };

        var result = await CliProcess.RunAsync(["config", "show", "--json"], env, ct: Ct);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldNotContain("very-secret-token");
        var settings = JsonDocument.Parse(result.Output).RootElement.GetProperty("settings").EnumerateArray().ToList();
        settings.Single(s => s.GetProperty("name").GetString() == "ALERTS_TELEGRAM_CHAT_ID").GetProperty("value").GetString().ShouldBe("42");
        settings.Single(s => s.GetProperty("name").GetString() == "LOG_FORMAT").GetProperty("source").GetString().ShouldNotBeNullOrEmpty();
    }

    public void Dispose() => _dataDir.Dispose();

    private async Task<JsonElement> JsonAsync(params string[] args)
    {
        var result = await Run([.. args, "--json"]);
        result.ExitCode.ShouldBe(0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement;
    }

    private Task<CliProcess.Result> Run(params string[] args) => CliProcess.RunAsync(args, Env, ct: Ct);

    private static int Decimals(JsonElement number)
    {
        var text = number.GetRawText();
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : text.Length - dot - 1;
    }

    private async Task SeedAsync()
    {
        await using var store = await TradingStoreFactory.OpenAsync(null, _dataDir.Path, Ct);
        var now = DateTimeOffset.UtcNow;
        var minute = now.ToUnixTimeMilliseconds() / 60_000 * 60_000 - 120_000;
        await store.SymbolFilters.SaveAsync([new SymbolInfo(Btc, "BTC", "USDT", "TRADING",
            new SymbolFilters { TickSize = 0.01m, StepSize = 0.00001m, MinQuantity = 0.00001m, MaxQuantity = 9000m, MinPrice = 0.01m, MaxPrice = 1_000_000m })], now, Ct);
        await store.Candles.UpsertAsync([Candle.Create(Btc, Timeframe.M1, minute, 70_000.123456m, 70_000.123456m, 70_000.123456m, 70_000.123456m, 1)], Ct);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(minute);
        var order = new Order
        {
            Id = "o1", ClientOrderId = "c1", Symbol = Btc, Side = OrderSide.Buy, Type = OrderType.Limit, Price = 70_000.123456m, Quantity = 0.0123456m,
            Status = OrderStatus.Filled, FilledQuantity = 0.0123456m, AverageFillPrice = 70_000.123456m, CreatedAt = at, UpdatedAt = at,
        };
        await store.Orders.SaveAsync(order, null, Ct);
        await store.Orders.SaveFillAsync(new Fill
        {
            Id = "f1", OrderId = "o1", Symbol = Btc, Side = OrderSide.Buy, Quantity = 0.01235m, Price = 70_000.123456m, Fee = 0.864401m, FeeAsset = "USDT", Time = at,
        }, Ct);
        await store.Portfolio.SaveSnapshotAsync(new PortfolioSnapshot
        {
            Time = now.AddHours(-1), Equity = 9_999.0978444m, Cash = 9_134.5m, DailyPnl = -32.922369086206896551724137931m, Drawdown = 0.0033m,
        }, Ct);
        await store.BacktestRuns.SaveAsync(new BacktestRunRecord
        {
            Id = "run-1", Kind = "optimize", Strategy = "rsi", Symbol = "BTCUSDT", Timeframe = "1h", FromMs = minute - 86_400_000, ToMs = minute,
            CreatedAt = now, StatisticsJson = """{"best":1.5}""",
        }, Ct);
    }
}
