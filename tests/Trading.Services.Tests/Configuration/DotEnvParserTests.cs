using Shouldly;
using Trading.Services.Configuration;

namespace Trading.Services.Tests.Configuration;

public sealed class DotEnvParserTests
{
    private static (Dictionary<string, string> Values, List<ConfigProblem> Problems) Parse(string text)
    {
        var problems = new List<ConfigProblem>();
        var values = DotEnvParser.Parse(text, ".env", problems).ToDictionary(p => p.Key, p => p.Value);
        return (values, problems);
    }

    [Fact]
    public void Parse_CommentsExportQuotesAndInlineComments_GivesPlainValues()
    {
        var (values, problems) = Parse("""
            # a comment

            export TRADING_MODE=testnet
            LOG_LEVEL = Debug   # trailing comment
            DATABASE_URL="postgresql://u:p@h:5432/db"
            BINANCE_API_KEY='lit#eral \n kept'
            MULTI="line1\nline2 \"quoted\""
            HASH=a#b
            EMPTY=
            WINDOWS=crlf
            """.Replace("crlf", "crlf\r"));

        problems.ShouldBeEmpty();
        values["TRADING_MODE"].ShouldBe("testnet");
        values["LOG_LEVEL"].ShouldBe("Debug");
        values["DATABASE_URL"].ShouldBe("postgresql://u:p@h:5432/db");
        values["BINANCE_API_KEY"].ShouldBe("lit#eral \\n kept");
        values["MULTI"].ShouldBe("line1\nline2 \"quoted\"");
        values["HASH"].ShouldBe("a#b");
        values["EMPTY"].ShouldBe("");
        values["WINDOWS"].ShouldBe("crlf");
    }

    [Theory]
    [InlineData("JUSTAWORD", "expected KEY=VALUE but found no '='")]
    [InlineData("1KEY=x", "the name before '=' must be letters, digits and '_' and not start with a digit")]
    [InlineData("BAD KEY=x", "the name before '=' must be letters, digits and '_' and not start with a digit")]
    [InlineData("KEY=\"unterminated", "KEY: the quoted value has no closing quote")]
    [InlineData("KEY=\"a\" trailing", "KEY: unexpected text after the closing quote")]
    [InlineData("KEY=half\"quoted", "KEY: quotes must enclose the whole value")]
    public void Parse_MalformedLine_ReportsFileAndLineNumber(string badLine, string expected)
    {
        var (values, problems) = Parse($"A=1\n# comment\n{badLine}\nB=2\n");

        problems.ShouldHaveSingleItem().Message.ShouldBe($".env line 3: {expected}");
        values.Keys.ShouldBe(["A", "B"], ignoreOrder: true);
    }

    [Fact]
    public void Parse_MalformedLineHoldingASecret_DoesNotEchoTheSecret()
    {
        var (_, problems) = Parse("BINANCE_API_SECRET=\"s3cr3t-value-never-shown\n");

        problems.ShouldHaveSingleItem().Message.ShouldNotContain("s3cr3t");
    }

    [Fact]
    public void Parse_DuplicateKey_KeepsBothInOrderSoTheLaterWins()
    {
        var pairs = DotEnvParser.Parse("A=1\nA=2\n", ".env", []);

        pairs.Select(p => p.Value).ShouldBe(["1", "2"]);
    }
}
