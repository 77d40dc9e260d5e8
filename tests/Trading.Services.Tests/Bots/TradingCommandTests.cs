using Shouldly;
using Trading.Services.Bots;

namespace Trading.Services.Tests.Bots;

public sealed class TradingCommandTests
{
    [Fact]
    public void StartInfo_ServiceRun_SameExecutableWithTheArgumentsAndABoundedGen0Budget()
    {
        var info = TradingCommand.StartInfo(["service", "run", "--name", "order-executor"]);

        info.FileName.ShouldBe(Environment.ProcessPath);
        info.ArgumentList.TakeLast(4).ShouldBe(["service", "run", "--name", "order-executor"]);
        var inherited = Environment.GetEnvironmentVariable(TradingCommand.Gen0BudgetVariable);
        info.Environment[TradingCommand.Gen0BudgetVariable].ShouldBe(inherited ?? TradingCommand.Gen0Budget);
        info.Environment["PATH"].ShouldBe(Environment.GetEnvironmentVariable("PATH"));
    }
}
