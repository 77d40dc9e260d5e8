namespace Trading.Core.Allocation;

/// <summary>An order the allocator knows the strategy of; an entry's unfilled rest still counts against the budget and the heat.</summary>
internal sealed class PendingEntry(StrategySleeve sleeve, bool isEntry, int direction, decimal quantity, decimal capitalPerUnit, decimal riskPerUnit)
{
    public StrategySleeve Sleeve { get; } = sleeve;
    public bool IsEntry { get; } = isEntry;
    public int Direction { get; } = direction;
    public decimal Remaining { get; set; } = quantity;
    public decimal CapitalPerUnit { get; } = capitalPerUnit;
    public decimal RiskPerUnit { get; } = riskPerUnit;

    public decimal Capital => IsEntry ? Remaining * CapitalPerUnit : 0m;
    public decimal Risk => IsEntry ? Remaining * RiskPerUnit : 0m;
}
