namespace Trading.Services.Tests.Observability;

/// <summary>Tests that read the process-wide Trading meter run one at a time, so one test's measurements are not another's.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}
