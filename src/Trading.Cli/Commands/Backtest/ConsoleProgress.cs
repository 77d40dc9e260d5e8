using Spectre.Console;

namespace Trading.Cli.Commands.Backtest;

/// <summary>One Spectre progress bar around long work on an interactive terminal; silent when output is redirected.</summary>
internal static class ConsoleProgress
{
    public const int MinimumWork = 200_000;

    public static T Run<T>(string label, long total, Func<IProgress<int>, T> work)
    {
        if (Console.IsOutputRedirected || total < MinimumWork) return work(new Reporter(null));
        return AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(label), maxValue: total);
                var result = work(new Reporter(task));
                task.Value = total;
                return result;
            });
    }

    /// <summary>Reports an absolute amount done, synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Reporter(ProgressTask? task) : IProgress<int>
    {
        public void Report(int value)
        {
            if (task is not null) task.Value = value;
        }
    }

    /// <summary>Counts finished units from many threads into one bar.</summary>
    public sealed class Counter(ProgressTask? task)
    {
        private int _done;

        public void Increment()
        {
            var done = Interlocked.Increment(ref _done);
            if (task is not null) task.Value = done;
        }
    }
}
