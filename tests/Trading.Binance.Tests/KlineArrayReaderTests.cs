using System.Text;
using Shouldly;
using Trading.Binance.Errors;
using Trading.Binance.Json;
using Trading.Core.Model;
using Trading.TestInfrastructure;

namespace Trading.Binance.Tests;

public sealed class KlineArrayReaderTests
{
    [Fact]
    public void Read_DocumentedExample_ParsesMixedNumbersAndStrings()
    {
        var json = File.ReadAllBytes(Path.Combine(RepoPaths.SharedBinance, "examples", "klines-rest-response.json"));

        var candle = KlineArrayReader.Read(json, new Symbol("BNBBTC"), Timeframe.D1).ShouldHaveSingleItem();

        candle.OpenTimeMs.ShouldBe(1499040000000);
        candle.Open.ShouldBe(0.01634790m);
        candle.High.ShouldBe(0.80000000m);
        candle.CloseTimeMs.ShouldBe(1499644799999);
        candle.TradeCount.ShouldBe(308);
    }

    [Theory]
    [InlineData("""[[1499040000000,"1","2","0.5","1.5","10",1499040059999,"1",3,"0","0","0"],[1499040000000,"1","2","0.5","1.5","10",1499040059999,"1",3,"0","0","0"]]""", "out of order")]
    [InlineData("""[[1499040000000,"1","0.1","0.5","1.5","10",1499040059999,"1",3,"0","0","0"]]""", "invalid")]
    [InlineData("""[[1499040000000,"1","2"]]""", "found EndArray")]
    [InlineData("""{"code":0}""", "expected an array")]
    [InlineData("""[[1499040000000,"x","2","0.5","1.5","10",1499040059999,"1",3,"0","0","0"]""", "not a decimal")]
    public void Read_CorruptPage_ThrowsMalformedWithReason(string json, string reason)
    {
        var error = Should.Throw<BinanceMalformedResponseException>(() =>
            KlineArrayReader.Read(Encoding.UTF8.GetBytes(json), new Symbol("BTCUSDT"), Timeframe.M1));

        error.Message.ShouldContain(reason);
    }
}
