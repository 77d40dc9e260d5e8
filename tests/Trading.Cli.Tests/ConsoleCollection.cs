namespace Trading.Cli.Tests;

/// <summary>Tests that swap <see cref="Console.Error"/> run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
