using Shouldly;
using Trading.Core.Model;
using Trading.Core.Strategies;
using Trading.Core.Strategies.BuiltIn;
using static Trading.Core.Tests.Strategies.StrategyHarness;

namespace Trading.Core.Tests.Strategies;

public sealed class StrategyBaseTests
{
    [Fact]
    public void Configure_UnknownName_ListsKnownNames()
    {
        var error = Should.Throw<StrategyConfigurationException>(() => new GridStrategy().Configure(Params(("levels", "3"))));
        error.Message.ShouldBe("Strategy 'grid': unknown parameter 'levels'; known: lower, upper, grid_count, quantity.");
    }

    [Fact]
    public void Configure_NotAnInteger_SaysExpectedType()
    {
        var error = Should.Throw<StrategyConfigurationException>(() => new GridStrategy().Configure(Params(("grid_count", "2.5"))));
        error.Message.ShouldBe("Strategy 'grid': parameter 'grid_count' must be an integer, got '2.5'.");
    }

    [Fact]
    public void Configure_OutOfRange_ShowsRange()
    {
        var error = Should.Throw<StrategyConfigurationException>(() => new GridStrategy().Configure(Params(("grid_count", "0"))));
        error.Message.ShouldBe("Strategy 'grid': parameter 'grid_count' = 0 is out of range [1, 1000].");
    }

    [Fact]
    public void Configure_NotANumber_SaysExpectedType()
    {
        var error = Should.Throw<StrategyConfigurationException>(() => new GridStrategy().Configure(Params(("quantity", "lots"))));
        error.Message.ShouldBe("Strategy 'grid': parameter 'quantity' must be a number, got 'lots'.");
    }

    [Fact]
    public void Configure_ValidValues_NormalizesAndKeepsDefaultsForMissing()
    {
        var grid = new GridStrategy();
        grid.Configure(Params(("GRID_COUNT", " 7 ")));
        grid.Values["grid_count"].ShouldBe("7");
        grid.Values["quantity"].ShouldBe("0.001");
    }

    [Theory]
    [InlineData("yes", "must be true or false, got 'yes'")]
    [InlineData("", "must be true or false, got ''")]
    public void Normalize_BadBool_Throws(string raw, string expected)
    {
        var parameter = StrategyParameter.Bool("flag", true, "a flag");
        Should.Throw<StrategyConfigurationException>(() => parameter.Normalize("s", raw)).Message.ShouldBe($"Strategy 's': parameter 'flag' {expected}.");
    }

    [Fact]
    public void Normalize_Choice_IsCaseInsensitiveAndCanonical()
    {
        var parameter = StrategyParameter.Choice("mode", "cross", ["cross", "level"], "mode");
        parameter.Normalize("s", "LEVEL").ShouldBe("level");
        Should.Throw<StrategyConfigurationException>(() => parameter.Normalize("s", "both"))
            .Message.ShouldBe("Strategy 's': parameter 'mode' must be one of cross|level, got 'both'.");
    }

    [Fact]
    public void Normalize_DoubleNaNOrOutOfRange_Throws()
    {
        var parameter = StrategyParameter.Double("k", 2.0, 0.5, 5.0, "width");
        Should.Throw<StrategyConfigurationException>(() => parameter.Normalize("s", "NaN")).Message.ShouldContain("must be a finite number");
        Should.Throw<StrategyConfigurationException>(() => parameter.Normalize("s", "6")).Message.ShouldContain("out of range [0.5, 5]");
        parameter.Normalize("s", "2.5").ShouldBe("2.5");
    }

    [Fact]
    public void CreateSignal_SameCandleTwice_GivesSameDeterministicId()
    {
        Signal First() => Run(new GridStrategy(), CandleFactory.FromCloses(25000, 24000))[0].Signal;
        var a = First();
        var b = First();
        a.Id.ShouldBe(b.Id);
        a.Id.ShouldBe($"grid:BTCUSDT:1m:{CandleFactory.StartMs + 60_000}:BUY");
        a.CreatedAt.ToUnixTimeMilliseconds().ShouldBe(CandleFactory.StartMs + 120_000 - 1);
        a.Indicators["grid_lots_held"].ShouldBe(1);
    }

    [Fact]
    public void CreateSignal_CopiedWithOtherSideBeforeIdIsRead_KeepsTheCandlesId()
    {
        var signal = Run(new GridStrategy(), CandleFactory.FromCloses(25000, 24000))[0].Signal;

        var copy = signal with { Side = OrderSide.Sell };

        copy.Id.ShouldBe($"grid:BTCUSDT:1m:{CandleFactory.StartMs + 60_000}:BUY");
        signal.Id.ShouldBe(copy.Id);
    }

    [Fact]
    public void CreateSignal_WithBotId_UsesBotIdAsOwner()
    {
        var grid = new GridStrategy();
        var context = new StrategyContext(CandleFactory.Btc, Timeframe.M1, botId: "bot-7");
        var candles = CandleFactory.FromCloses(25000, 24000);
        grid.OnCandle(candles[0], context);
        var signal = grid.OnCandle(candles[1], context).ShouldNotBeNull();
        signal.Id.ShouldStartWith("bot-7:BTCUSDT:1m:");
        signal.BotId.ShouldBe("bot-7");
    }
}
