namespace Trading.Core.Model;

/// <summary>Which Binance market an instrument trades on. Spot is the default everywhere; Usdm is USDⓈ-M perpetual futures.</summary>
public enum MarketType
{
    Spot,
    Usdm,
}
