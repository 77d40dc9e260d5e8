using Shouldly;

namespace Trading.Cli.Tests;

/// <summary>Parse errors in the user's words, checked in-process on the real command tree.</summary>
public sealed class ParseErrorMessageTests
{
    [Theory]
    [InlineData("error: unknown command or argument 'lst' for 'trading data'; did you mean 'list'?", "data", "lst")]
    [InlineData("error: unknown command or argument 'foo' for 'trading'", "foo")]
    [InlineData("error: 'trading data' needs a command: collect, history, import, list, gaps, aggregate, sample, resample", "data")]
    [InlineData("error: 'trading order buy' needs --symbol, --quantity", "order", "buy")]
    [InlineData("error: --quantity must be a number, got 'abc'", "order", "buy", "--symbol", "BTCUSDT", "--quantity", "abc")]
    [InlineData("error: --days must be a whole number, got '1e99'", "portfolio", "history", "--days", "1e99")]
    public void Describe_BadArguments_OneClearLine(string expected, params string[] args)
    {
        var parse = TradingCli.Build().Parse(args);

        parse.Errors.ShouldNotBeEmpty();
        $"error: {ParseErrorMessage.Describe(parse)}".ShouldBe(expected);
    }
}
