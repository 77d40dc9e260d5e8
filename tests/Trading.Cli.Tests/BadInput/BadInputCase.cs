namespace Trading.Cli.Tests.BadInput;

/// <summary>
/// One refused command line: the exit code and a fragment of the one <c>error:</c> line it must print. In
/// <see cref="Args"/>, <c>{dir}</c> stands for the case's scratch folder (holding <see cref="BadInputFiles"/>) and
/// <c>{store}</c> for the store file.
/// </summary>
public sealed record BadInputCase(string Name, int ExitCode, string Reason, IReadOnlyList<string> Args)
{
    public const int Usage = 2;
    public const int Runtime = 1;

    public IReadOnlyList<string> Expand(string dir, string store) =>
        [.. Args.Select(a => a.Replace("{dir}", dir, StringComparison.Ordinal).Replace("{store}", store, StringComparison.Ordinal))];
}
