namespace Trading.Core.Model;

public enum OrderType
{
    Market,
    Limit,
}
