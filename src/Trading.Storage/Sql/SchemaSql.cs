namespace Trading.Storage.Sql;

/// <summary>
/// The one logical schema, rendered per engine. Only column types and the candles table differ:
/// decimals are TEXT in SQLite (exact) and numeric in PostgreSQL; times are Unix milliseconds everywhere.
/// <paramref name="CandleSeriesKey"/> is migration 3, which only SQLite needs (it re-keys candles by an integer series id);
/// <paramref name="CandleTimeLedKey"/> is migration 4, which only PostgreSQL needs (its candle key leads with open_time);
/// <paramref name="CandleMarketKey"/> is migration 10, which adds the market to every candle series (existing ones are spot).
/// Migrations 10 and 11 leave 7 to 9 free for other work on the same schema.
/// </summary>
internal sealed record SchemaSql(
    string Decimal, string Boolean, string AutoIncrementKey, string CandlesTable, string CandleSeriesKey, string CandleMarketKey,
    string CandleTimeLedKey = "SELECT 1")
{
    public IReadOnlyList<Migration> Migrations() =>
    [
        new(1, "core schema", Core()),
        new(2, "risk decisions", RiskDecisions()),
        new(3, "candle series ids", CandleSeriesKey),
        new(4, "candle key led by open time", CandleTimeLedKey),
        new(5, "symbol filters", SymbolFilters()),
        new(6, "fill booking sequence", FillSequence),
        new(10, "candle series by market", CandleMarketKey),
        new(11, "funding rates", FundingRates()),
        new(12, "usdm bot orders, fills, funding, positions and wallet", FuturesBots()),
    ];

    // Fills stored under the trading lock are numbered in booking order, which a replay must repeat: their times are
    // market times of different processes and need not be in that order.
    private const string FillSequence = "ALTER TABLE fills ADD COLUMN seq BIGINT; CREATE INDEX IF NOT EXISTS fills_seq ON fills (seq)";

    private string Core() => $"""
        {CandlesTable};
        CREATE TABLE IF NOT EXISTS signals (
            id TEXT PRIMARY KEY, strategy TEXT NOT NULL, symbol TEXT NOT NULL, side TEXT NOT NULL,
            price {Decimal} NOT NULL, quantity {Decimal} NOT NULL, reason TEXT NOT NULL, confidence INTEGER NOT NULL,
            created_at BIGINT NOT NULL, stop_loss {Decimal}, take_profit {Decimal}, bot_id TEXT, indicators TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS signals_created_at ON signals (created_at);
        CREATE TABLE IF NOT EXISTS orders (
            id TEXT PRIMARY KEY, client_order_id TEXT NOT NULL UNIQUE, signal_id TEXT, exchange_order_id TEXT,
            symbol TEXT NOT NULL, side TEXT NOT NULL, type TEXT NOT NULL, price {Decimal}, quantity {Decimal} NOT NULL,
            status TEXT NOT NULL, filled_quantity {Decimal} NOT NULL, average_fill_price {Decimal} NOT NULL, fees {Decimal} NOT NULL,
            fee_asset TEXT, bot_id TEXT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, filled_at BIGINT);
        CREATE INDEX IF NOT EXISTS orders_status ON orders (status);
        CREATE TABLE IF NOT EXISTS order_events (
            id {AutoIncrementKey}, order_id TEXT NOT NULL, from_status TEXT NOT NULL, to_status TEXT NOT NULL,
            time BIGINT NOT NULL, cause TEXT NOT NULL, UNIQUE (order_id, from_status, to_status, time));
        CREATE TABLE IF NOT EXISTS fills (
            id TEXT PRIMARY KEY, order_id TEXT NOT NULL, symbol TEXT NOT NULL, side TEXT NOT NULL, price {Decimal} NOT NULL,
            quantity {Decimal} NOT NULL, fee {Decimal} NOT NULL, fee_asset TEXT NOT NULL, is_maker {Boolean} NOT NULL, time BIGINT NOT NULL);
        CREATE INDEX IF NOT EXISTS fills_order_id ON fills (order_id);
        CREATE TABLE IF NOT EXISTS positions (
            symbol TEXT PRIMARY KEY, quantity {Decimal} NOT NULL, average_entry_price {Decimal} NOT NULL, current_price {Decimal} NOT NULL,
            realized_pnl {Decimal} NOT NULL, fees_paid {Decimal} NOT NULL, opened_at BIGINT, updated_at BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS balances (
            asset TEXT PRIMARY KEY, free {Decimal} NOT NULL, locked {Decimal} NOT NULL, updated_at BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS portfolio_snapshots (
            id {AutoIncrementKey}, time BIGINT NOT NULL, equity {Decimal} NOT NULL, cash {Decimal} NOT NULL,
            positions_value {Decimal} NOT NULL, realized_pnl {Decimal} NOT NULL, unrealized_pnl {Decimal} NOT NULL,
            daily_pnl {Decimal} NOT NULL, drawdown {Decimal} NOT NULL, bot_id TEXT);
        CREATE INDEX IF NOT EXISTS portfolio_snapshots_time ON portfolio_snapshots (time);
        CREATE TABLE IF NOT EXISTS bots (
            id TEXT PRIMARY KEY, strategy TEXT NOT NULL, symbols TEXT NOT NULL, timeframe TEXT NOT NULL, parameters TEXT NOT NULL,
            sizing TEXT NOT NULL, sizing_value {Decimal} NOT NULL, enabled {Boolean} NOT NULL, status TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS backtest_runs (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, strategy TEXT NOT NULL, symbol TEXT NOT NULL, timeframe TEXT NOT NULL,
            from_ms BIGINT NOT NULL, to_ms BIGINT NOT NULL, created_at BIGINT NOT NULL, parameters TEXT NOT NULL,
            statistics TEXT NOT NULL, trades TEXT NOT NULL, equity TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS backtest_runs_created_at ON backtest_runs (created_at);
        CREATE TABLE IF NOT EXISTS system_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at BIGINT NOT NULL)
        """;

    private string SymbolFilters() => $"""
        CREATE TABLE IF NOT EXISTS symbol_filters (
            symbol TEXT PRIMARY KEY, base_asset TEXT NOT NULL, quote_asset TEXT NOT NULL, status TEXT NOT NULL,
            tick_size {Decimal} NOT NULL, min_price {Decimal} NOT NULL, max_price {Decimal} NOT NULL,
            step_size {Decimal} NOT NULL, min_quantity {Decimal} NOT NULL, max_quantity {Decimal} NOT NULL,
            min_notional {Decimal} NOT NULL, max_notional {Decimal} NOT NULL, fetched_at BIGINT NOT NULL)
        """;

    // USDⓈ-M funding settlements (data.binance.vision fundingRate files), one row per symbol and settlement time.
    private string FundingRates() => $"""
        CREATE TABLE IF NOT EXISTS funding_rates (
            symbol TEXT NOT NULL, funding_time BIGINT NOT NULL, interval_hours INTEGER NOT NULL, rate {Decimal} NOT NULL,
            PRIMARY KEY (symbol, funding_time))
        """;

    private string RiskDecisions() => $"""
        CREATE TABLE IF NOT EXISTS risk_decisions (
            id TEXT PRIMARY KEY, time BIGINT NOT NULL, signal_id TEXT, order_id TEXT, check_name TEXT NOT NULL,
            allowed {Boolean} NOT NULL, reason TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS risk_decisions_signal_id ON risk_decisions (signal_id);
        CREATE INDEX IF NOT EXISTS risk_decisions_order_id ON risk_decisions (order_id);
        CREATE INDEX IF NOT EXISTS risk_decisions_time ON risk_decisions (time)
        """;

    private string FuturesBots() => $"""
        CREATE TABLE IF NOT EXISTS futures_orders (
            id TEXT PRIMARY KEY, signal_id TEXT, bot_id TEXT, symbol TEXT NOT NULL, side TEXT NOT NULL, position_side TEXT NOT NULL,
            reduce_only {Boolean} NOT NULL, type TEXT NOT NULL, quantity {Decimal} NOT NULL, leverage INTEGER NOT NULL, status TEXT NOT NULL,
            filled_quantity {Decimal} NOT NULL, average_price {Decimal} NOT NULL, exchange_order_id TEXT, reason TEXT,
            created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
        CREATE INDEX IF NOT EXISTS futures_orders_created_at ON futures_orders (created_at);
        CREATE TABLE IF NOT EXISTS futures_fills (
            id TEXT PRIMARY KEY, order_id TEXT NOT NULL, bot_id TEXT, symbol TEXT NOT NULL, side TEXT NOT NULL, position_side TEXT NOT NULL,
            price {Decimal} NOT NULL, quantity {Decimal} NOT NULL, fee {Decimal} NOT NULL, realized_pnl {Decimal} NOT NULL,
            reduce_only {Boolean} NOT NULL, liquidation {Boolean} NOT NULL, leverage INTEGER NOT NULL, time BIGINT NOT NULL);
        CREATE INDEX IF NOT EXISTS futures_fills_time ON futures_fills (time);
        CREATE TABLE IF NOT EXISTS futures_funding (
            symbol TEXT NOT NULL, position_side TEXT NOT NULL, time BIGINT NOT NULL, direction INTEGER NOT NULL, quantity {Decimal} NOT NULL,
            mark_price {Decimal} NOT NULL, rate {Decimal} NOT NULL, amount {Decimal} NOT NULL, bot_id TEXT, PRIMARY KEY (symbol, position_side, time));
        CREATE TABLE IF NOT EXISTS futures_positions (
            symbol TEXT NOT NULL, position_side TEXT NOT NULL, direction INTEGER NOT NULL, quantity {Decimal} NOT NULL,
            entry_price {Decimal} NOT NULL, leverage INTEGER NOT NULL, isolated_margin {Decimal} NOT NULL, mark_price {Decimal} NOT NULL,
            liquidation_price {Decimal} NOT NULL, unrealized_pnl {Decimal} NOT NULL, funding {Decimal} NOT NULL, bot_id TEXT,
            opened_at BIGINT, updated_at BIGINT NOT NULL, PRIMARY KEY (symbol, position_side));
        CREATE TABLE IF NOT EXISTS futures_wallet (asset TEXT PRIMARY KEY, balance {Decimal} NOT NULL, updated_at BIGINT NOT NULL)
        """;
}
