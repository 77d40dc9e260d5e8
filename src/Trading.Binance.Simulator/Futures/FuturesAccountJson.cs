using System.Globalization;
using Trading.Binance.Json;
using Trading.Core.Model;
using static Trading.Binance.Simulator.Futures.FuturesJson;

namespace Trading.Binance.Simulator.Futures;

/// <summary>GET /fapi/v2/account, /fapi/v2/balance and /fapi/v1/exchangeInfo in Binance's shapes.</summary>
internal static class FuturesAccountJson
{
    public static byte[] Account(SimulatedFutures futures, long nowMs) => SimulatorJson.Write(w =>
    {
        var positions = futures.Positions;
        var wallet = futures.WalletBalance;
        var available = futures.AvailableBalance;
        var unrealized = positions.Sum(p => p.UnrealizedPnl);
        var initial = positions.Sum(p => p.IsolatedMargin);
        var maintenance = positions.Sum(p => p.MaintenanceMargin);
        w.WriteStartObject();
        w.WriteNumber("feeTier", 0);
        w.WriteBoolean("feeBurn", false);
        w.WriteBoolean("canDeposit", true);
        w.WriteBoolean("canWithdraw", true);
        w.WriteNumber("updateTime", 0);
        w.WriteBoolean("multiAssetsMargin", false);
        w.WriteNumber("tradeGroupId", -1);
        w.WriteString("totalInitialMargin", Number(initial));
        w.WriteString("totalMaintMargin", Number(maintenance));
        w.WriteString("totalWalletBalance", Number(wallet));
        w.WriteString("totalUnrealizedProfit", Number(unrealized));
        w.WriteString("totalMarginBalance", Number(wallet + unrealized));
        w.WriteString("totalPositionInitialMargin", Number(initial));
        w.WriteString("totalOpenOrderInitialMargin", "0");
        w.WriteString("totalCrossWalletBalance", Number(available));
        w.WriteString("totalCrossUnPnl", "0");
        w.WriteString("availableBalance", Number(available));
        w.WriteString("maxWithdrawAmount", Number(available));
        w.WriteStartArray("assets");
        w.WriteStartObject();
        w.WriteString("asset", "USDT");
        w.WriteString("walletBalance", Number(wallet));
        w.WriteString("unrealizedProfit", Number(unrealized));
        w.WriteString("marginBalance", Number(wallet + unrealized));
        w.WriteString("maintMargin", Number(maintenance));
        w.WriteString("initialMargin", Number(initial));
        w.WriteString("positionInitialMargin", Number(initial));
        w.WriteString("openOrderInitialMargin", "0");
        w.WriteString("crossWalletBalance", Number(available));
        w.WriteString("crossUnPnl", "0");
        w.WriteString("availableBalance", Number(available));
        w.WriteString("maxWithdrawAmount", Number(available));
        w.WriteBoolean("marginAvailable", true);
        w.WriteNumber("updateTime", nowMs);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("positions");
        foreach (var p in positions)
        {
            w.WriteStartObject();
            w.WriteString("symbol", p.Symbol.Name);
            w.WriteString("initialMargin", Number(p.IsolatedMargin));
            w.WriteString("maintMargin", Number(p.MaintenanceMargin));
            w.WriteString("unrealizedProfit", Number(p.UnrealizedPnl));
            w.WriteString("positionInitialMargin", Number(p.IsolatedMargin));
            w.WriteString("openOrderInitialMargin", "0");
            w.WriteString("leverage", p.Leverage.ToString(CultureInfo.InvariantCulture));
            w.WriteBoolean("isolated", true);
            w.WriteString("entryPrice", Number(p.EntryPrice));
            w.WriteString("maxNotional", Number(futures.State(p.Symbol).MaxNotional));
            w.WriteString("positionSide", PositionSideName(p.PositionSide));
            w.WriteString("positionAmt", Number(p.Amount));
            w.WriteNumber("updateTime", nowMs);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] Balance(SimulatedFutures futures, long nowMs) => SimulatorJson.Write(w =>
    {
        var wallet = futures.WalletBalance;
        var available = futures.AvailableBalance;
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("accountAlias", "SimFutures");
        w.WriteString("asset", "USDT");
        w.WriteString("balance", Number(wallet));
        w.WriteString("crossWalletBalance", Number(available));
        w.WriteString("crossUnPnl", "0");
        w.WriteString("availableBalance", Number(available));
        w.WriteString("maxWithdrawAmount", Number(available));
        w.WriteBoolean("marginAvailable", true);
        w.WriteNumber("updateTime", nowMs);
        w.WriteEndObject();
        w.WriteEndArray();
    });

    public static byte[] ExchangeInfo(IEnumerable<SymbolInfo> symbols, int weightLimit, long nowMs) => SimulatorJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("timezone", "UTC");
        w.WriteNumber("serverTime", nowMs);
        w.WriteString("futuresType", "U_MARGINED");
        w.WriteStartArray("rateLimits");
        w.WriteStartObject();
        w.WriteString("rateLimitType", "REQUEST_WEIGHT");
        w.WriteString("interval", "MINUTE");
        w.WriteNumber("intervalNum", 1);
        w.WriteNumber("limit", weightLimit);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("exchangeFilters");
        w.WriteEndArray();
        w.WriteStartArray("assets");
        w.WriteStartObject();
        w.WriteString("asset", "USDT");
        w.WriteBoolean("marginAvailable", true);
        w.WriteString("autoAssetExchange", "-10000");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("symbols");
        foreach (var s in symbols)
        {
            var f = s.Filters;
            w.WriteStartObject();
            w.WriteString("symbol", s.Symbol.Name);
            w.WriteString("pair", s.Symbol.Name);
            w.WriteString("contractType", "PERPETUAL");
            w.WriteNumber("deliveryDate", 4133404800000);
            w.WriteNumber("onboardDate", 1569398400000);
            w.WriteString("status", "TRADING");
            w.WriteString("baseAsset", s.BaseAsset);
            w.WriteString("quoteAsset", s.QuoteAsset);
            w.WriteString("marginAsset", s.QuoteAsset);
            w.WriteNumber("pricePrecision", Decimals(f.TickSize));
            w.WriteNumber("quantityPrecision", Decimals(f.StepSize));
            w.WriteNumber("baseAssetPrecision", 8);
            w.WriteNumber("quotePrecision", 8);
            w.WriteString("underlyingType", "COIN");
            w.WriteString("maintMarginPercent", "2.5000");
            w.WriteString("requiredMarginPercent", "5.0000");
            w.WriteString("triggerProtect", "0.0500");
            w.WriteString("liquidationFee", "0.012500");
            w.WriteString("marketTakeBound", "0.05");
            w.WriteStartArray("filters");
            Filter(w, "PRICE_FILTER", ("minPrice", f.MinPrice), ("maxPrice", f.MaxPrice), ("tickSize", f.TickSize));
            Filter(w, "LOT_SIZE", ("minQty", f.MinQuantity), ("maxQty", f.MaxQuantity), ("stepSize", f.StepSize));
            Filter(w, "MARKET_LOT_SIZE", ("minQty", f.MinQuantity), ("maxQty", f.MaxQuantity), ("stepSize", f.StepSize));
            Filter(w, "MIN_NOTIONAL", ("notional", f.MinNotional));
            w.WriteEndArray();
            w.WriteStartArray("OrderType");
            foreach (var type in (string[])["LIMIT", "MARKET", "STOP_MARKET"]) w.WriteStringValue(type);
            w.WriteEndArray();
            w.WriteStartArray("timeInForce");
            foreach (var tif in (string[])["GTC", "IOC", "FOK", "GTX"]) w.WriteStringValue(tif);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static int Decimals(decimal step) => step <= 0 ? 8 : BitConverter.GetBytes(decimal.GetBits(step / 1.000000000000000000000000000000000m)[3])[2];

    private static void Filter(System.Text.Json.Utf8JsonWriter w, string type, params (string Name, decimal Value)[] fields)
    {
        w.WriteStartObject();
        w.WriteString("filterType", type);
        foreach (var (name, value) in fields) w.WriteString(name, BinanceDecimal.Format(value));
        w.WriteEndObject();
    }
}
