namespace Trading.Services.Execution;

/// <summary>Where orders go: nowhere (dry-run), the simulated paper venue, Binance's spot testnet or live Binance.</summary>
public enum ExecutionMode
{
    DryRun,
    Paper,
    Testnet,
    Live,
}
