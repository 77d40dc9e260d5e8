using Shouldly;
using Trading.Core.Model;
using Trading.Core.Portfolio;

namespace Trading.Core.Tests.Portfolio;

/// <summary>Transfers (deposits, withdrawals, reconciliation fixes) change holdings but make no PnL.</summary>
public class PortfolioAccountAdjustTests
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly DateTimeOffset Day1 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Adjust_QuoteDeposit_CashAndEquityUpNoDailyPnlOrDrawdown()
    {
        var account = new PortfolioAccount(1_000m, Day1);

        account.Adjust("d1", "USDT", 250m, 0m, Day1.AddHours(1)).ShouldBeTrue();

        account.Cash.ShouldBe(1_250m);
        account.Equity.ShouldBe(1_250m);
        account.DailyPnl.ShouldBe(0m);
        account.PeakEquity.ShouldBe(1_250m);
        account.Drawdown.ShouldBe(0m);
        account.RealizedPnl.ShouldBe(0m);
    }

    [Fact]
    public void Adjust_BaseDepositThenWithdrawal_ValuedAtPriceNoPnlAndSameIdIgnored()
    {
        var account = new PortfolioAccount(1_000m, Day1);
        account.Mark(Btc, 100m, Day1);

        account.Adjust("b1", "BTC", 2m, 100m, Day1.AddHours(1)).ShouldBeTrue();
        account.Adjust("b1", "BTC", 2m, 100m, Day1.AddHours(1)).ShouldBeFalse();
        account.Quantity(Btc).ShouldBe(2m);
        account.GetPosition(Btc).AverageEntryPrice.ShouldBe(100m);
        account.UnrealizedPnl.ShouldBe(0m);
        account.DailyPnl.ShouldBe(0m);
        account.OpenPositionCount.ShouldBe(1);

        account.Adjust("b2", "BTC", -0.5m, 100m, Day1.AddHours(2)).ShouldBeTrue();
        account.Quantity(Btc).ShouldBe(1.5m);
        account.GetPosition(Btc).AverageEntryPrice.ShouldBe(100m);
        account.Equity.ShouldBe(1_150m);
        account.DailyPnl.ShouldBe(0m);
    }

    [Fact]
    public void Adjust_WithdrawalBeyondHoldings_ThrowsAndChangesNothing()
    {
        var account = new PortfolioAccount(1_000m, Day1);

        Should.Throw<PortfolioException>(() => account.Adjust("w", "USDT", -1_000.01m, 0m, Day1.AddHours(1)));
        Should.Throw<PortfolioException>(() => account.Adjust("w", "BTC", -0.1m, 0m, Day1.AddHours(1)));

        account.Cash.ShouldBe(1_000m);
        account.Adjust("w", "USDT", -1_000m, 0m, Day1.AddHours(1)).ShouldBeTrue();
        account.Cash.ShouldBe(0m);
    }
}
