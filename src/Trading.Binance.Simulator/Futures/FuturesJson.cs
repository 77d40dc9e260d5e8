using System.Globalization;
using System.Text.Json;
using Trading.Core.Futures;
using Trading.Core.Model;

namespace Trading.Binance.Simulator.Futures;

/// <summary>The /fapi answers in the shapes of Binance's USDⓈ-M OpenAPI (/work/shared/binance/usdm/openapi-umfutures.yaml).</summary>
internal static class FuturesJson
{
    /// <summary>Futures prices and quantities as Binance writes them: plain decimals without trailing zeros.</summary>
    public static string Number(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public static string PositionSideName(PositionSide side) => side.ToString().ToUpperInvariant();

    public static byte[] Order(FuturesOrder o, bool withTime) => SimulatorJson.Write(w => WriteOrder(w, o, withTime));

    public static byte[] Orders(IEnumerable<FuturesOrder> orders) => SimulatorJson.Write(w =>
    {
        w.WriteStartArray();
        foreach (var o in orders) WriteOrder(w, o, withTime: true);
        w.WriteEndArray();
    });

    private static void WriteOrder(Utf8JsonWriter w, FuturesOrder o, bool withTime)
    {
        w.WriteStartObject();
        w.WriteNumber("orderId", o.OrderId);
        w.WriteString("symbol", o.Symbol.Name);
        w.WriteString("status", o.Status);
        w.WriteString("clientOrderId", o.ClientOrderId);
        w.WriteString("price", Number(o.Price ?? 0m));
        w.WriteString("avgPrice", Number(o.AveragePrice));
        w.WriteString("origQty", Number(o.Quantity));
        w.WriteString("executedQty", Number(o.ExecutedQuantity));
        w.WriteString("cumQty", Number(o.ExecutedQuantity));
        w.WriteString("cumQuote", Number(o.CumulativeQuote));
        w.WriteString("timeInForce", o.Request.TimeInForce);
        w.WriteString("type", o.IsLiquidation ? "LIQUIDATION" : o.Type);
        w.WriteBoolean("reduceOnly", o.ReduceOnly);
        w.WriteBoolean("closePosition", false);
        w.WriteString("side", o.Side == OrderSide.Buy ? "BUY" : "SELL");
        w.WriteString("positionSide", PositionSideName(o.PositionSide));
        w.WriteString("stopPrice", Number(o.StopPrice ?? 0m));
        w.WriteString("workingType", "MARK_PRICE");
        w.WriteBoolean("priceProtect", false);
        w.WriteString("origType", o.Type);
        w.WriteString("priceMatch", "NONE");
        w.WriteString("selfTradePreventionMode", "EXPIRE_MAKER");
        w.WriteNumber("goodTillDate", 0);
        if (withTime) w.WriteNumber("time", o.TimeMs);
        w.WriteNumber("updateTime", o.UpdateTimeMs);
        w.WriteEndObject();
    }

    public static byte[] Positions(IEnumerable<(FuturesPositionView? Position, Symbol Symbol, PositionSide Side, int Leverage, bool Isolated, decimal Mark, decimal MaxNotional)> rows) =>
        SimulatorJson.Write(w =>
        {
            w.WriteStartArray();
            foreach (var (p, symbol, side, leverage, isolated, mark, maxNotional) in rows)
            {
                w.WriteStartObject();
                w.WriteString("symbol", symbol.Name);
                w.WriteString("positionSide", PositionSideName(side));
                w.WriteString("positionAmt", Number(p?.Amount ?? 0m));
                w.WriteString("entryPrice", Number(p?.EntryPrice ?? 0m));
                w.WriteString("breakEvenPrice", Number(p?.EntryPrice ?? 0m));
                w.WriteString("markPrice", Number(p?.MarkPrice ?? mark));
                w.WriteString("unRealizedProfit", Number(p?.UnrealizedPnl ?? 0m));
                w.WriteString("liquidationPrice", Number(p?.LiquidationPrice ?? 0m));
                w.WriteString("leverage", (p?.Leverage ?? leverage).ToString(CultureInfo.InvariantCulture));
                w.WriteString("maxNotionalValue", Number(maxNotional));
                w.WriteString("marginType", isolated ? "isolated" : "cross");
                w.WriteString("isolatedMargin", Number(p?.IsolatedMargin ?? 0m));
                w.WriteString("isolatedWallet", Number(p is null ? 0m : p.IsolatedMargin - p.UnrealizedPnl));
                w.WriteString("isAutoAddMargin", "false");
                w.WriteString("notional", Number(p?.Notional ?? 0m));
                w.WriteNumber("updateTime", 0);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });

    public static byte[] Brackets(IEnumerable<LeverageBrackets> all) => SimulatorJson.Write(w =>
    {
        w.WriteStartArray();
        foreach (var brackets in all)
        {
            w.WriteStartObject();
            w.WriteString("symbol", brackets.Symbol.Name);
            w.WriteStartArray("brackets");
            foreach (var b in brackets.All)
            {
                w.WriteStartObject();
                w.WriteNumber("bracket", b.Bracket);
                w.WriteNumber("initialLeverage", b.InitialLeverage);
                w.WriteNumber("notionalCap", b.NotionalCap);
                w.WriteNumber("notionalFloor", b.NotionalFloor);
                w.WriteNumber("maintMarginRatio", b.MaintMarginRatio);
                w.WriteNumber("cum", b.Cum);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public static byte[] Income(IEnumerable<FuturesIncome> rows) => SimulatorJson.Write(w =>
    {
        w.WriteStartArray();
        foreach (var i in rows)
        {
            w.WriteStartObject();
            w.WriteString("symbol", i.Symbol.Name);
            w.WriteString("incomeType", i.IncomeType);
            w.WriteString("income", Number(i.Amount));
            w.WriteString("asset", "USDT");
            w.WriteString("info", i.Info);
            w.WriteNumber("time", i.TimeMs);
            w.WriteNumber("tranId", i.TranId);
            w.WriteString("tradeId", "");
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public static byte[] FundingRates(IEnumerable<FundingSettlement> rows) => SimulatorJson.Write(w =>
    {
        w.WriteStartArray();
        foreach (var f in rows)
        {
            w.WriteStartObject();
            w.WriteString("symbol", f.Symbol.Name);
            w.WriteString("fundingRate", Number(f.Rate));
            w.WriteNumber("fundingTime", f.FundingTimeMs);
            w.WriteString("markPrice", Number(f.MarkPrice));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public static void PremiumIndex(Utf8JsonWriter w, Symbol symbol, decimal mark, decimal lastRate, long nextFundingMs, long nowMs)
    {
        w.WriteStartObject();
        w.WriteString("symbol", symbol.Name);
        w.WriteString("markPrice", Number(mark));
        w.WriteString("indexPrice", Number(mark));
        w.WriteString("estimatedSettlePrice", Number(mark));
        w.WriteString("lastFundingRate", Number(lastRate));
        w.WriteString("interestRate", "0.0001");
        w.WriteNumber("nextFundingTime", nextFundingMs == long.MaxValue ? 0 : nextFundingMs);
        w.WriteNumber("time", nowMs);
        w.WriteEndObject();
    }

    public static byte[] Success() => SimulatorJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("code", 200);
        w.WriteString("msg", "success");
        w.WriteEndObject();
    });
}
