namespace Trading.Core.Risk;

/// <summary>The value of an order or position, computed without letting a hostile quantity overflow decimal.</summary>
public static class OrderValue
{
    /// <summary>(<paramref name="held"/> + <paramref name="quantity"/>) × <paramref name="price"/> × <paramref name="factor"/>, or null when decimal cannot hold it.</summary>
    public static decimal? TryCompute(decimal held, decimal quantity, decimal price, decimal factor)
    {
        try
        {
            return (held + quantity) * price * factor;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
