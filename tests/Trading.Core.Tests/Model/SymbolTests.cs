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

    [Fact]
    public void Default_HasNullName()
    {
        default(Symbol).Name.ShouldBeNull();
        default(Symbol).ShouldNotBe(new Symbol("BTCUSDT"));
    }

    [Fact]
    public void Constructor_SameName_GivesEqualSymbolsSharingOneString()
    {
        var a = new Symbol("SOLUSDT");
        var b = Symbol.Parse(new string(['s', 'o', 'l', 'u', 's', 'd', 't']));
        b.ShouldBe(a);
        b.GetHashCode().ShouldBe(a.GetHashCode());
        ReferenceEquals(a.Name, b.Name).ShouldBeTrue();
        new Symbol("SOLBTC").ShouldNotBe(a);
    }

    [Fact]
    public void Constructor_ManyNamesFromManyThreads_EachNameKeepsOneIdentity()
    {
        var names = Enumerable.Range(0, 2_000).Select(i => $"ZZ{i}TEST").ToArray();
        var results = new Symbol[4][];
        Parallel.For(0, results.Length, t =>
        {
            var mine = new Symbol[names.Length];
            for (var i = 0; i < names.Length; i++) mine[(i + (t * 500)) % names.Length] = new Symbol(names[(i + (t * 500)) % names.Length]);
            results[t] = mine;
        });
        for (var i = 0; i < names.Length; i++)
        {
            results[0][i].Name.ShouldBe(names[i]);
            foreach (var other in results) other[i].ShouldBe(results[0][i]);
            if (i > 0) results[0][i].ShouldNotBe(results[0][i - 1]);
        }
    }

    [Fact]
    public void Json_RoundTripsAsName()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new Symbol("BNBUSDT"));
        json.ShouldBe("\"BNBUSDT\"");
        System.Text.Json.JsonSerializer.Deserialize<Symbol>(json).ShouldBe(new Symbol("BNBUSDT"));
    }
}
