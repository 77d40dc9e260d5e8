using Trading.Services.Portfolio;

namespace Trading.Cli.Commands.Portfolio;

/// <summary>Prints where the stored books disagree (one line per fill that cannot be booked) and how to repair them, on stderr.</summary>
internal static class BooksProblems
{
    public static async Task ReportAsync(IReadOnlyCollection<string> problems)
    {
        if (problems.Count == 0) return;
        foreach (var problem in problems) await Console.Error.WriteLineAsync($"problem: the books disagree: {problem}");
        await Console.Error.WriteLineAsync(PortfolioReplay.RepairHint);
    }
}
