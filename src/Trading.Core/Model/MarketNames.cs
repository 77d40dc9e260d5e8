namespace Trading.Core.Model;

/// <summary>The lower-case names of <see cref="MarketType"/> used on the command line and in the store: spot, usdm.</summary>
public static class MarketNames
{
    public const string Choices = "spot or usdm";

    public static string Name(MarketType market) => market switch
    {
        MarketType.Spot => "spot",
        MarketType.Usdm => "usdm",
        _ => throw new ArgumentOutOfRangeException(nameof(market), market, "unknown market"),
    };

    public static bool TryParse(string? text, out MarketType market)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "spot":
                market = MarketType.Spot;
                return true;
            case "usdm":
                market = MarketType.Usdm;
                return true;
            default:
                market = MarketType.Spot;
                return false;
        }
    }
}
