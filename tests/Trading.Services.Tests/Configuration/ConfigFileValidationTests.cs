using Shouldly;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Strategies.BuiltIn;
using Trading.Services.Configuration;
using Trading.Services.Execution;
using Trading.Services.Strategies;
using Trading.TestInfrastructure;
using static Trading.Services.Tests.Configuration.ConfigTestKit;

namespace Trading.Services.Tests.Configuration;

/// <summary>Every file is checked fully (one line per problem), the seed's names are aliases, and symbols.yaml takes effect.</summary>
public sealed class ConfigFileValidationTests
{
    [Fact]
    public void Load_SeedNamesFromEnvironmentAndRiskLimitsYaml_AreAcceptedAsAliases()
    {
        using var dir = new TempDirectory();
        dir.Write("config/risk_limits.yaml", "max_open_positions: 3\nmax_drawdown_percent: 12\ntrading_hours: \"22:00-06:00\"\n");

        var fromFiles = Load(dir);
        var fromEnv = LoadEnv(("MAX_DRAWDOWN_PERCENT", "15"), ("MAX_OPEN_POSITIONS", "4"));
        var both = LoadEnv(("MAX_DRAWDOWN_PERCENT", "15"), ("RISK_MAX_DRAWDOWN_PCT", "25"));

        fromFiles.Problems.ShouldBeEmpty();
        fromFiles.Settings.RiskMaxOpenPositions.ShouldBe(3);
        fromFiles.Settings.RiskMaxDrawdownPct.ShouldBe(12m);
        fromFiles.Settings.RiskTradingHours.ShouldBe(new TradingHoursWindow(new TimeOnly(22, 0), new TimeOnly(6, 0)));
        fromFiles.SourceOf(SettingKeys.RiskMaxDrawdownPct).ShouldBe(SettingSource.Yaml);
        fromEnv.Settings.RiskMaxDrawdownPct.ShouldBe(15m);
        fromEnv.Settings.RiskMaxOpenPositions.ShouldBe(4);
        both.Settings.RiskMaxDrawdownPct.ShouldBe(25m);
    }

    [Theory]
    [InlineData("RISK_TAKE_PROFIT_PCT", "-1", "RISK_TAKE_PROFIT_PCT is a percent and must be within 0..1000 (got -1)")]
    [InlineData("RISK_MAX_DRAWDOWN_PCT", "101", "RISK_MAX_DRAWDOWN_PCT is a percent and must be within 0..100 (got 101)")]
    [InlineData("RISK_MAX_OPEN_POSITIONS", "0", "RISK_MAX_OPEN_POSITIONS must be at least 1 (got 0)")]
    [InlineData("RISK_MAX_OPEN_POSITIONS", "2.5", "RISK_MAX_OPEN_POSITIONS must be a whole number (got '2.5')")]
    [InlineData("RISK_TRADING_HOURS", "8-20", "RISK_TRADING_HOURS must be a UTC window HH:mm-HH:mm such as 08:00-20:00 (got '8-20')")]
    [InlineData("RISK_TRADING_HOURS", "08:00-08:00", "RISK_TRADING_HOURS is empty: start and end must differ (got '08:00-08:00'); leave it unset to trade at any time")]
    [InlineData("RISK_STOP_LOSS_PCT", "100", "RISK_STOP_LOSS_PCT must be below 100 (a stop at 0 never triggers); use 0 for no stop")]
    [InlineData("RISK_PRICE_GUARD_PCT", "-0.5", "RISK_PRICE_GUARD_PCT is a percent and must be within 0..100 (got -0.5)")]
    [InlineData("RISK_FUTURES_MAX_LEVERAGE", "126", "RISK_FUTURES_MAX_LEVERAGE must be a whole leverage within 1..125 (got 126)")]
    [InlineData("RISK_FUTURES_MIN_LIQUIDATION_DISTANCE_PCT", "100", "RISK_FUTURES_MIN_LIQUIDATION_DISTANCE_PCT is a percent of the entry and must be within [0, 100) (got 100)")]
    [InlineData("RISK_FUTURES_MAX_MARGIN_RATIO_PCT", "0", "RISK_FUTURES_MAX_MARGIN_RATIO_PCT is a percent and must be above 0 and at most 100 (got 0)")]
    [InlineData("ALLOC_MAX_STRATEGY_PCT", "0", "ALLOC_MAX_STRATEGY_PCT is a percent of equity and must be above 0 and at most 100 (got 0)")]
    [InlineData("ALLOC_UNCERTAIN_FACTOR", "1.5", "ALLOC_UNCERTAIN_FACTOR must be within 0..1 (got 1.5)")]
    [InlineData("ALLOC_MAX_HEAT_PCT", "101", "ALLOC_MAX_HEAT_PCT is a percent of equity and must be above 0 and at most 100 (got 101)")]
    [InlineData("RISK_FUTURES_MAX_EXPOSURE_PCT", "-1", "RISK_FUTURES_MAX_EXPOSURE_PCT is a percent of equity and must be above 0 and at most 12500 (got -1)")]
    [InlineData("PAPER_FEE_BPS", "-1", "PAPER_FEE_BPS is in basis points and must be within 0..1000 (got -1)")]
    [InlineData("PAPER_SLIPPAGE_BPS", "abc", "PAPER_SLIPPAGE_BPS must be a number (got 'abc')")]
    [InlineData("ENTRY_ORDER_TYPE", "stop", "ENTRY_ORDER_TYPE must be market or limit (got 'stop')")]
    [InlineData("ENTRY_LIMIT_TIMEOUT_SECONDS", "-5", "ENTRY_LIMIT_TIMEOUT_SECONDS must be 0 (rest until cancelled) or more (got -5)")]
    [InlineData("ENTRY_LIMIT_MAX_REPRICES", "-1", "ENTRY_LIMIT_MAX_REPRICES must be 0 or more (got -1)")]
    [InlineData("ENTRY_LIMIT_ABANDON_PCT", "150", "ENTRY_LIMIT_ABANDON_PCT is a percent and must be within 0..100 (got 150)")]
    [InlineData("SIZING", "kelly", "SIZING must be one of fixed_quantity, fixed_quote, equity_fraction, risk_based (got 'kelly')")]
    [InlineData("SIZING_VALUE", "2", "SIZING_VALUE 2 does not fit SIZING=equity_fraction: An equity fraction must be within (0, 1], got 2.")]
    public void Load_BadNewSetting_OneClearProblem(string key, string value, string expected) =>
        LoadEnv((key, value)).Messages().ShouldBe([expected]);

    [Fact]
    public void Load_DailyLossAndDrawdownLimitsZero_AreValidAndOffInTheGate()
    {
        var loaded = LoadEnv(("RISK_DAILY_LOSS_LIMIT_PCT", "0"), ("RISK_MAX_DRAWDOWN_PCT", "0"));
        var gate = new RiskGate(ExecutorFactory.LimitsFrom(loaded.Settings));
        var crashed = new FakeRiskContext { Equity = 1_000m, DayStartEquity = 10_000m, AvailableQuote = 1_000m };

        loaded.Problems.ShouldBeEmpty();
        gate.Evaluate(new OrderRequest(FakeRiskContext.Btc, OrderSide.Buy, 0.5m, null, 100m), crashed).IsAllowed.ShouldBeTrue();
        gate.State.ShouldBe(TradingState.Active);
    }

    [Fact]
    public void SymbolDirectory_SymbolsYamlDisabledAndMinTradeSize_DropTheSymbolAndRaiseItsMinimum()
    {
        using var dir = new TempDirectory();
        dir.Write("config/symbols.yaml",
            "symbols:\n  - { symbol: BTCUSDT, enabled: false }\n  - { symbol: ETHUSDT, timeframes: [1m], min_trade_size: 0.5 }\n");
        var loaded = Load(dir);

        var filters = SymbolDirectory.Offline(loaded.Settings);
        var eth = new Symbol("ETHUSDT");
        var small = ExchangeFilterCheck.Apply(new OrderRequest(eth, OrderSide.Buy, 0.1m), filters[eth], 2_000m);
        var large = ExchangeFilterCheck.Apply(new OrderRequest(eth, OrderSide.Buy, 0.5m), filters[eth], 2_000m);

        loaded.Problems.ShouldBeEmpty();
        filters.ContainsKey(new Symbol("BTCUSDT")).ShouldBeFalse();
        loaded.Settings.EnabledSymbols.Select(s => s.Symbol).ShouldBe(["ETHUSDT"]);
        small.Check.ShouldBe(RiskCheck.ExchangeFilters);
        small.Reason.ShouldNotBeNull().ShouldContain("below the minimum 0.5");
        large.IsAllowed.ShouldBeTrue();
    }

    [Fact]
    public void Load_UnknownKeysInListFiles_OneLinePerKey()
    {
        using var dir = new TempDirectory();
        dir.Write("config/symbols.yaml", "symbols:\n  - symbol: BTCUSDT\n    timeframe: [1m]\n    enabeld: true\n");
        dir.Write("config/strategies.yaml", "strategy:\n  - name: rsi\n");

        var loaded = Load(dir);

        loaded.Messages().ShouldBe([
            "config/symbols.yaml line 3: unknown key 'timeframe' (known: symbol, timeframes, enabled, min_trade_size)",
            "config/symbols.yaml line 4: unknown key 'enabeld' (known: symbol, timeframes, enabled, min_trade_size)",
            "config/strategies.yaml line 1: unknown key 'strategy' (expected only 'strategies')",
        ]);
    }

    [Fact]
    public void Load_BotFileWithSeveralProblems_ReportsEveryOne()
    {
        using var dir = new TempDirectory();
        dir.Write("config/bots/bad.json", """
            { "symbols": ["BTCUSDT", "no-such!"], "timeframe": "7m",
              "sizing": "kelly", "sizing_value": "lots", "enabled": "yes", "colour": "red" }
            """);

        var loaded = Load(dir);

        loaded.Messages().ShouldBe([
            "config/bots/bad.json: 'no-such!' is not a valid symbol",
            "config/bots/bad.json: '7m' is not a known timeframe",
            "config/bots/bad.json: sizing 'kelly' is not one of fixed_quantity, fixed_quote, equity_fraction, risk_based",
            "config/bots/bad.json line 2: 'sizing_value' must be a number",
            "config/bots/bad.json line 2: 'enabled' must be true or false",
            "config/bots/bad.json line 2: unknown key 'colour'",
            "config/bots/bad.json: 'strategy' is required",
        ]);
        loaded.Settings.Bots.ShouldBeEmpty();
    }

    [Fact]
    public void Check_StrategiesAndBotsAgainstTheRegistry_OneLinePerProblem()
    {
        using var dir = new TempDirectory();
        dir.Write("config/strategies.yaml", """
            strategies:
              - { name: nosuch, symbols: [BTCUSDT] }
              - { name: sma_crossover, symbols: [BTCUSDT], parameters: { fast: abc, slow: 5000, colour: red } }
              - { name: sma_crossover, symbols: [BTCUSDT], parameters: { fast: 40, slow: 20 } }
              - { name: rsi, symbols: [BTCUSDT], parameters: { period: 14 } }
            """);
        dir.Write("config/bots/b.json", """{ "strategy": "rsi", "symbols": ["BTCUSDT"], "parameters": { "period": 0 } }""");
        var loaded = Load(dir);

        var problems = StrategyConfigCheck.Check(loaded.Settings, BuiltInStrategies.CreateRegistry()).Select(p => p.Message).ToList();

        loaded.Problems.ShouldBeEmpty();
        problems.Count.ShouldBe(6);
        problems[0].ShouldStartWith("config/strategies.yaml: strategy 'nosuch': unknown strategy 'nosuch'; known: ");
        problems[1].ShouldBe("config/strategies.yaml: strategy 'sma_crossover': parameter 'fast' must be an integer, got 'abc'");
        problems[2].ShouldStartWith("config/strategies.yaml: strategy 'sma_crossover': parameter 'slow' = 5000 is out of range");
        problems[3].ShouldBe("config/strategies.yaml: strategy 'sma_crossover': unknown parameter 'colour'; known: fast, slow, quantity");
        problems[4].ShouldStartWith("config/strategies.yaml: strategy 'sma_crossover': ");
        problems[5].ShouldStartWith("config/bots/b.json: bot 'b': parameter 'period'");
    }

    [Fact]
    public void Check_RepositoryExamples_HaveNoProblem()
    {
        using var dir = new TempDirectory();
        var loaded = Load(dir, new() { [SettingKeys.ConfigDir] = Path.Combine(RepoPaths.Root, "config", "examples") });

        loaded.Problems.ShouldBeEmpty();
        StrategyConfigCheck.Check(loaded.Settings, BuiltInStrategies.CreateRegistry()).ShouldBeEmpty();
        loaded.Settings.Symbols[0].MinTradeSize.ShouldBe(0.0001m);
    }
}
