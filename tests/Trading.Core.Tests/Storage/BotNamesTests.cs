using Shouldly;
using Trading.Core.Storage;

namespace Trading.Core.Tests.Storage;

public sealed class BotNamesTests
{
    [Theory]
    [InlineData("btc-sma")]
    [InlineData("rsi_btcusdt.1m")]
    [InlineData("A")]
    public void Problem_ValidName_Null(string name) => BotNames.Problem(name).ShouldBeNull();

    [Theory]
    [InlineData("", "empty")]
    [InlineData("two words", "invalid")]
    [InlineData("line\nbreak", "invalid")]
    [InlineData("red\u001b[31m", "invalid")]
    [InlineData("bot/../../etc", "invalid")]
    public void Problem_InvalidName_SaysWhy(string name, string reason)
    {
        var problem = BotNames.Problem(name).ShouldNotBeNull();

        problem.ShouldContain(reason);
        problem.ShouldNotContain("\n");
        problem.ShouldNotContain("\u001b");
    }

    [Fact]
    public void Problem_TooLong_QuotesOnlyTheStart()
    {
        var problem = BotNames.Problem(new string('a', 5_000)).ShouldNotBeNull();

        problem.ShouldContain("5000 characters long");
        problem.Length.ShouldBeLessThan(200);
    }
}
