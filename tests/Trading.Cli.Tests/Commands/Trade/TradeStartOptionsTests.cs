using System.CommandLine;
using Shouldly;
using Trading.Cli.Commands.Trade;
using Trading.Core.Storage;
using Trading.Services.Configuration;

namespace Trading.Cli.Tests.Commands.Trade;

/// <summary>The `trade start` arguments recorded for a bot the API started parse back into the same bot and mode.</summary>
public sealed class TradeStartOptionsTests
{
    [Theory]
    [InlineData("paper")]
    [InlineData("dry-run")]
    [InlineData("testnet")]
    public void ArgumentsFor_AdHocBot_ParseBackToTheSameBotAndMode(string mode)
    {
        var bot = new BotDefinition
        {
            Id = "api-bot-1", Strategy = "sma_crossover", Symbols = ["BTCUSDT", "ETHUSDT"], Timeframe = "5m",
            Parameters = new Dictionary<string, string> { ["slow"] = "30", ["fast"] = "10", ["note"] = "a=b" },
        };

        var arguments = TradeStartOptions.ArgumentsFor(bot, mode);

        arguments.Take(2).ShouldBe(["trade", "start"]);
        var options = new TradeStartOptions();
        var command = new Command("start");
        options.AddTo(command);
        var parse = command.Parse(arguments.Skip(2).ToArray());
        parse.Errors.ShouldBeEmpty();
        options.TryResolveBot(parse, new TradingSettings(), out var parsed).ShouldBeNull();
        parsed.Id.ShouldBe(bot.Id);
        parsed.Strategy.ShouldBe(bot.Strategy);
        parsed.Symbols.ShouldBe(bot.Symbols);
        parsed.Timeframe.ShouldBe(bot.Timeframe);
        parsed.Parameters.ShouldBe(bot.Parameters, ignoreOrder: true);
        parse.GetValue(options.Mode).ShouldBe(mode);
    }

    [Fact]
    public void ArgumentsFor_Live_CarriesTheLiveConfirmation()
    {
        var bot = new BotDefinition { Id = "live-bot", Strategy = "rsi", Symbols = ["BTCUSDT"] };

        TradeStartOptions.ArgumentsFor(bot, "live").ShouldContain("--confirm-live");
        TradeStartOptions.ArgumentsFor(bot, "paper").ShouldNotContain("--confirm-live");
    }
}
