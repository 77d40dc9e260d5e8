using Shouldly;
using Trading.Core.Backtesting;
using Trading.Core.Model;

namespace Trading.Core.Tests.Backtesting;

public sealed class DerivedFiltersTests
{
    private static readonly Symbol Xyz = new("XYZUSDT");

    private static Candle Bar(int i, decimal open, decimal high, decimal low, decimal close) =>
        new(Xyz, Timeframe.M1, i * 60_000L, open, high, low, close, 1m);

    [Fact]
    public void FromCandles_PricesWithTwoDecimalsAndTrailingZeros_TickIsOneCent()
    {
        Candle[] candles = [Bar(0, 3000.10m, 3001.500m, 2999.00000000m, 3000.12m), Bar(1, 3000.12m, 3002m, 2998.9m, 3001.7m)];

        var filters = DerivedFilters.FromCandles(candles, "USDT");

        filters.TickSize.ShouldBe(0.01m);
        filters.MinPrice.ShouldBe(0.01m);
    }

    [Fact]
    public void FromCandles_EthLikePrices_StepIsEthsStepAndMinNotionalFiveInUsdt()
    {
        Candle[] candles = [Bar(0, 3000m, 3999.99m, 2990m, 3100m)];

        var filters = DerivedFilters.FromCandles(candles, "USDT");

        filters.StepSize.ShouldBe(0.0001m);
        filters.MinQuantity.ShouldBe(0.0001m);
        filters.MinNotional.ShouldBe(5m);
        (filters.MaxPrice, filters.MaxQuantity, filters.MaxNotional).ShouldBe((0m, 0m, 0m));
    }

    [Fact]
    public void FromCandles_PennyCoinQuotedInBtc_FineTickCoarseStepNoMinNotional()
    {
        Candle[] candles = [Bar(0, 0.06123m, 0.0613m, 0.061m, 0.06127m)];

        var filters = DerivedFilters.FromCandles(candles, "BTC");

        filters.TickSize.ShouldBe(0.00001m);
        filters.StepSize.ShouldBe(1m);
        filters.MinNotional.ShouldBe(0m);
    }

    [Fact]
    public void FromCandles_MoreThanEightDecimals_TickCappedAtOneSatoshi()
    {
        Candle[] candles = [Bar(0, 0.0000000123m, 0.0000000125m, 0.000000012m, 0.0000000124m)];

        DerivedFilters.FromCandles(candles, "USDT").TickSize.ShouldBe(0.00000001m);
    }

    [Theory]
    [InlineData("73000", "0.00001")]
    [InlineData("100000", "0.00001")]
    [InlineData("100001", "0.000001")]
    [InlineData("650", "0.001")]
    [InlineData("1", "1")]
    [InlineData("0.5", "1")]
    [InlineData("999999999999", "0.00000001")]
    public void StepFor_HighestPrice_LargestPowerOfTenWorthAtMostOneQuoteUnit(string highest, string step) =>
        DerivedFilters.StepFor(decimal.Parse(highest, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(decimal.Parse(step, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("46216.93000000", 2)]
    [InlineData("100", 0)]
    [InlineData("100.000", 0)]
    [InlineData("0.00012", 5)]
    public void Decimals_Value_CountsWithoutTrailingZeros(string value, int decimals) =>
        DerivedFilters.Decimals(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(decimals);
}
