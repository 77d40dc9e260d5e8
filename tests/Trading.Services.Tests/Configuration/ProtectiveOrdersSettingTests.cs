using Shouldly;
using Trading.Core.Execution;
using Trading.Services.Execution;
using Trading.TestInfrastructure;
using static Trading.Services.Tests.Configuration.ConfigTestKit;

namespace Trading.Services.Tests.Configuration;

/// <summary>PROTECTIVE_ORDERS: exchange by default in testnet and live, local in paper, and refused where it cannot work.</summary>
public sealed class ProtectiveOrdersSettingTests
{
    [Theory]
    [InlineData("testnet", null, ExecutionMode.Testnet, ProtectiveOrderMode.Exchange)]
    [InlineData("testnet", "local", ExecutionMode.Testnet, ProtectiveOrderMode.Local)]
    [InlineData("testnet", "EXCHANGE", ExecutionMode.Testnet, ProtectiveOrderMode.Exchange)]
    [InlineData("paper", null, ExecutionMode.Paper, ProtectiveOrderMode.Local)]
    [InlineData("testnet", null, ExecutionMode.DryRun, ProtectiveOrderMode.Local)]
    public void OptionsFrom_ModeAndSetting_ChooseWhereTheExitsLive(string tradingMode, string? setting, ExecutionMode mode, ProtectiveOrderMode expected)
    {
        (string, string)[] env = setting is null ? [("TRADING_MODE", tradingMode)] : [("TRADING_MODE", tradingMode), ("PROTECTIVE_ORDERS", setting)];
        var loaded = LoadEnv(env);

        loaded.Problems.ShouldBeEmpty();
        ExecutionServiceCollectionExtensions.OptionsFrom(loaded.Settings, mode).Policy.ProtectiveOrders.ShouldBe(expected);
    }

    [Fact]
    public void Load_ProtectiveOrdersInSettingsYaml_TakesEffect()
    {
        using var dir = new TempDirectory();
        dir.Write("config/settings.yaml", "protective_orders: local\n");

        var loaded = Load(dir, new Dictionary<string, string?> { ["TRADING_MODE"] = "testnet" });

        loaded.Problems.ShouldBeEmpty();
        loaded.Settings.EffectiveProtectiveOrders.ShouldBe(ProtectiveOrderMode.Local);
    }

    [Theory]
    [InlineData("paper", "both", "PROTECTIVE_ORDERS must be exchange or local (got 'both')")]
    [InlineData("paper", "1", "PROTECTIVE_ORDERS must be exchange or local (got '1')")]
    [InlineData("paper", "exchange", "PROTECTIVE_ORDERS=exchange needs an exchange: TRADING_MODE testnet or live (paper keeps them local)")]
    public void Load_BadProtectiveOrders_OneClearProblem(string tradingMode, string value, string expected) =>
        LoadEnv(("TRADING_MODE", tradingMode), ("PROTECTIVE_ORDERS", value)).Messages().ShouldBe([expected]);
}
