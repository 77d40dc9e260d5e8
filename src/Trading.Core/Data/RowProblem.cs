namespace Trading.Core.Data;

/// <summary>A row of an input file that was skipped, with where it is and why.</summary>
public sealed record RowProblem(string Source, long Line, string Reason)
{
    public override string ToString() => $"{Source}:{Line}: {Reason}";
}
