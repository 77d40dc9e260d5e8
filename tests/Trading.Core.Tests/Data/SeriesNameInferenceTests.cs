using Shouldly;
using Trading.Core.Data;
using Trading.Core.Model;

namespace Trading.Core.Tests.Data;

public class SeriesNameInferenceTests
{
    [Theory]
    [InlineData("BTCUSDT-1m-2024-01-01.zip", "BTCUSDT", "1m")]
    [InlineData("btcusdt_1h_5year.csv", "BTCUSDT", "1h")]
    [InlineData("ETHBTC-4h-2024-01.csv", "ETHBTC", "4h")]
    public void Infer_KnownNamingSchemes_FindsSymbolAndTimeframe(string name, string symbol, string timeframe)
    {
        var (s, tf) = SeriesNameInference.Infer(name);
        s.ShouldBe(new Symbol(symbol));
        tf.ShouldBe(Timeframe.Parse(timeframe));
    }

    [Fact]
    public void Infer_NameWithoutPair_LeavesSymbolUnknown()
    {
        var (s, tf) = SeriesNameInference.Infer("btc_4h_data_2018_to_2025.csv");
        s.ShouldBeNull();
        tf.ShouldBe(Timeframe.H4);
    }
}
