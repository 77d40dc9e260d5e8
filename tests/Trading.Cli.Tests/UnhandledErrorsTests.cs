using Shouldly;

namespace Trading.Cli.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class UnhandledErrorsTests
{
    [Fact]
    public void Report_UnexpectedException_OneErrorLineWithHintAndExitOne()
    {
        var (exit, error) = Capture(() => UnhandledErrors.Report(Thrown(), verbose: false));

        exit.ShouldBe(1);
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().ShouldStartWith("error: boom (rerun with --verbose");
        error.ShouldNotContain(" at ");
    }

    [Fact]
    public void Report_Verbose_PrintsTheTrace()
    {
        var (exit, error) = Capture(() => UnhandledErrors.Report(Thrown(), verbose: true));

        exit.ShouldBe(1);
        error.ShouldContain(nameof(Thrown));
    }

    private static InvalidOperationException Thrown()
    {
        try
        {
            throw new InvalidOperationException("boom\nsecond line");
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }

    private static (int Exit, string Error) Capture(Func<int> action)
    {
        var original = Console.Error;
        using var writer = new StringWriter();
        Console.SetError(writer);
        try
        {
            return (action(), writer.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
