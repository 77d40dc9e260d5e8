namespace Trading.Services.Configuration;

public enum TradingMode
{
    Paper,
    Testnet,
    Live,
}
