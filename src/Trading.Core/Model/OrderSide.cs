namespace Trading.Core.Model;

public enum OrderSide
{
    Buy,
    Sell,
}
