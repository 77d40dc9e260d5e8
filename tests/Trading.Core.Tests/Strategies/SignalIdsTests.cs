using Shouldly;
using Trading.Core.Model;
using Trading.Core.Strategies;

namespace Trading.Core.Tests.Strategies;

public sealed class SignalIdsTests
{
    [Fact]
    public void Create_OwnerSeriesCandleSide_GivesDocumentedFormat()
    {
        var symbol = new Symbol("BTCUSDT");

        SignalIds.Create("rsi", symbol, Timeframe.M1, 1672531200000, OrderSide.Buy).ShouldBe("rsi:BTCUSDT:1m:1672531200000:BUY");
        SignalIds.Create(SignalIds.Prefix("bot-7", symbol, Timeframe.M1), 60000, OrderSide.Sell).ShouldBe("bot-7:BTCUSDT:1m:60000:SELL");
    }
}
