using Shouldly;
using Trading.Core.Model;

namespace Trading.Core.Tests.Model;

public class SymbolTests
{
    [Fact]
    public void Parse_LowerCase_Normalises()
    {
        var symbol = Symbol.Parse(" btcusdt ");
        symbol.Name.ShouldBe("BTCUSDT");
        symbol.BaseAsset.ShouldBe("BTC");
        symbol.QuoteAsset.ShouldBe("USDT");
    }

    [Theory]
    [InlineData("BTC-USDT")]
    [InlineData("")]
    [InlineData("BTC/USDT")]
    public void Parse_Invalid_Throws(string text)
    {
        Should.Throw<ArgumentException>(() => Symbol.Parse(text)).Message.ShouldContain("Invalid symbol");
    }

    [Fact]
    public void SymbolFilters_RoundDownToTickAndStep()
    {
        var filters = new SymbolFilters { TickSize = 0.01m, StepSize = 0.00001m };
        filters.RoundPrice(70123.456m).ShouldBe(70123.45m);
        filters.RoundQuantity(0.123456m).ShouldBe(0.12345m);
        filters.IsOnTick(70123.45m).ShouldBeTrue();
        filters.IsOnTick(70123.455m).ShouldBeFalse();
    }
}
