// ccxt conformance suite: drives the pinned ccxt (npm) against the Binance simulator and prints one line per call:
// "ok <call> <what was checked>" or "FAIL <call> <why>". Exits 1 if any call failed.
// Usage: NODE_PATH=<dir>/node_modules node ccxt-conformance.cjs <http://127.0.0.1:PORT> <ws://127.0.0.1:PORT> <order burst> [groups]
// Groups (comma-separated, default all): "core", and "protective" (stop-loss limit and editOrder, which need the
// simulator's STOP_LOSS_LIMIT and order/cancelReplace).
'use strict';
const ccxt = require('ccxt');
const assert = require('node:assert/strict');

const [httpBase, wsBase] = process.argv.slice(2);
const SYMBOL = 'BTC/USDT';
// Twice the simulator's ORDERS limit per 10 seconds and one: a 10-second window gets more than the limit however the burst straddles one.
const ORDER_BURST = Number(process.argv[4]);
const GROUPS = new Set((process.argv[5] ?? 'core,protective').split(','));
const CALL_TIMEOUT_MS = 30_000;
let failures = 0;

function newExchange(overrides = {}) {
    const exchange = new ccxt.pro.binance({
        apiKey: 'sim-test-api-key',
        secret: 'sim-test-api-secret',
        enableRateLimit: false,
        options: { fetchMarkets: { types: ['spot'] }, fetchMargins: false, fetchCurrencies: false, defaultType: 'spot', adjustForTimeDifference: false },
        ...overrides,
    });
    // Only the addresses change: ccxt maps errors of a loopback URL with the same common table it uses for api.binance.com spot.
    exchange.urls.api = { ...exchange.urls.api, public: `${httpBase}/api/v3`, private: `${httpBase}/api/v3`, v1: `${httpBase}/api/v1`,
        ws: { ...exchange.urls.api.ws, spot: `${wsBase}/ws` } };
    return exchange;
}

async function check(name, fn, group = 'core') {
    if (!GROUPS.has(group)) return;
    let timer;
    try {
        const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS); });
        const detail = await Promise.race([fn(), timeout]);
        console.log(`ok ${name} ${detail ?? ''}`.trimEnd());
    } catch (e) {
        failures++;
        console.log(`FAIL ${name} ${(e && e.constructor && e.constructor.name) || ''}: ${(e && e.message || String(e)).replace(/\s+/g, ' ').slice(0, 400)}`);
    } finally {
        clearTimeout(timer);
    }
}

async function expectError(name, errorClass, fn) {
    await check(`error ${errorClass.name} ${name}`, async () => {
        try {
            await fn();
        } catch (e) {
            assert.ok(e instanceof errorClass, `expected ${errorClass.name}, got ${e.constructor.name}: ${e.message}`);
            return e.constructor.name;
        }
        throw new Error(`expected ${errorClass.name}, the call succeeded`);
    });
}

const num = (x) => typeof x === 'number' && Number.isFinite(x);

async function main() {
    const ex = newExchange();
    await ex.loadHttpProxyAgent(); // ccxt needs it for plain ws:// (the simulator speaks no TLS)
    let market, last;

    await check('loadMarkets', async () => {
        const markets = await ex.loadMarkets();
        market = markets[SYMBOL];
        assert.ok(market && market.spot && market.id === 'BTCUSDT', 'BTC/USDT spot market');
        assert.ok(market.precision.amount > 0 && market.precision.price > 0 && market.limits.amount.min > 0, 'filters parsed');
        return `${Object.keys(markets).length} markets, amount step ${market.precision.amount}, tick ${market.precision.price}`;
    });
    await check('fetchTime', async () => {
        const time = await ex.fetchTime();
        assert.ok(Math.abs(time - Date.now()) < 60_000, 'server time near now');
        return `${time}`;
    });
    for (const timeframe of ['1m', '1h']) {
        await check(`fetchOHLCV ${timeframe}`, async () => {
            const bars = await ex.fetchOHLCV(SYMBOL, timeframe, undefined, 5);
            assert.equal(bars.length, 5);
            const ms = ex.parseTimeframe(timeframe) * 1000;
            for (const [t, o, h, l, c, v] of bars) {
                assert.equal(t % ms, 0, 'bar aligned');
                assert.ok(l <= Math.min(o, c) && h >= Math.max(o, c) && v >= 0, 'OHLCV consistent');
            }
            for (let i = 1; i < bars.length; i++) assert.equal(bars[i][0] - bars[i - 1][0], ms, 'consecutive bars');
            return `${bars.length} bars, last close ${bars[4][4]}`;
        });
    }
    await check('fetchTicker', async () => {
        const ticker = await ex.fetchTicker(SYMBOL);
        assert.ok(num(ticker.last) && num(ticker.bid) && num(ticker.ask) && ticker.bid < ticker.ask, 'last, bid < ask');
        last = ticker.last;
        return `last ${ticker.last} bid ${ticker.bid} ask ${ticker.ask}`;
    });
    await check('fetchOrderBook', async () => {
        const book = await ex.fetchOrderBook(SYMBOL, 10);
        assert.ok(book.bids.length > 0 && book.asks.length > 0 && book.bids[0][0] < book.asks[0][0], 'two sides, not crossed');
        for (let i = 1; i < book.asks.length; i++) assert.ok(book.asks[i][0] > book.asks[i - 1][0], 'asks ascending');
        for (let i = 1; i < book.bids.length; i++) assert.ok(book.bids[i][0] < book.bids[i - 1][0], 'bids descending');
        return `${book.bids.length}x${book.asks.length} levels, best ${book.bids[0][0]}/${book.asks[0][0]}`;
    });
    await check('fetchTrades', async () => {
        const trades = await ex.fetchTrades(SYMBOL, undefined, 20);
        assert.ok(trades.length > 0 && trades.length <= 20, 'some trades, within limit');
        for (const t of trades) assert.ok(num(t.price) && t.amount > 0 && (t.side === 'buy' || t.side === 'sell') && t.id, 'trade shape');
        for (let i = 1; i < trades.length; i++) assert.ok(trades[i].timestamp >= trades[i - 1].timestamp, 'time ordered');
        return `${trades.length} trades, last ${trades[trades.length - 1].price}`;
    });
    await check('fetchBalance', async () => {
        const balance = await ex.fetchBalance();
        assert.ok(balance.USDT.free > 0 && balance.USDT.total === balance.USDT.free + balance.USDT.used, 'USDT free/used/total');
        return `USDT ${balance.USDT.free}`;
    });

    let marketBuy;
    await check('createOrder market', async () => {
        marketBuy = await ex.createOrder(SYMBOL, 'market', 'buy', 0.002);
        assert.equal(marketBuy.status, 'closed');
        assert.equal(marketBuy.filled, 0.002);
        assert.ok(marketBuy.average > 0 && marketBuy.fee && marketBuy.fee.currency === 'BTC', 'average and a BTC fee');
        return `filled ${marketBuy.filled} at ${marketBuy.average}, fee ${marketBuy.fee.cost} ${marketBuy.fee.currency}`;
    });
    await check('createOrder market by cost', async () => {
        const order = await ex.createOrder(SYMBOL, 'market', 'buy', undefined, undefined, { cost: 50 });
        assert.equal(order.status, 'closed');
        assert.ok(order.cost <= 50 && order.cost > 45, `spent about 50 USDT, got ${order.cost}`);
        return `spent ${order.cost} for ${order.filled}`;
    });
    let limitBuy;
    const farBelow = () => ex.priceToPrecision(SYMBOL, last * 0.8);
    await check('createOrder limit', async () => {
        limitBuy = await ex.createOrder(SYMBOL, 'limit', 'buy', 0.001, farBelow());
        assert.equal(limitBuy.status, 'open');
        assert.equal(limitBuy.remaining, 0.001);
        return `open ${limitBuy.id} at ${limitBuy.price}`;
    });
    let postOnly;
    await check('createOrder post-only', async () => {
        postOnly = await ex.createOrder(SYMBOL, 'limit', 'buy', 0.001, farBelow(), { postOnly: true });
        assert.equal(postOnly.status, 'open');
        assert.equal(postOnly.postOnly, true);
        assert.equal(postOnly.info.type, 'LIMIT_MAKER');
        return `LIMIT_MAKER ${postOnly.id}`;
    });
    await check('fetchOrder', async () => {
        const order = await ex.fetchOrder(limitBuy.id, SYMBOL);
        assert.equal(order.id, limitBuy.id);
        assert.equal(order.status, 'open');
        assert.equal(order.price, limitBuy.price);
        return `${order.id} ${order.status}`;
    });
    await check('fetchOpenOrders', async () => {
        const open = await ex.fetchOpenOrders(SYMBOL);
        const ids = open.map((o) => o.id);
        assert.ok(ids.includes(limitBuy.id) && ids.includes(postOnly.id), 'both resting orders listed');
        return `${open.length} open`;
    });
    await check('cancelOrder', async () => {
        const canceled = await ex.cancelOrder(limitBuy.id, SYMBOL);
        assert.equal(canceled.status, 'canceled');
        return `${canceled.id} canceled`;
    });
    await check('editOrder', async () => {
        const price = ex.priceToPrecision(SYMBOL, last * 0.85);
        const edited = await ex.editOrder(postOnly.id, SYMBOL, 'limit', 'buy', 0.001, price);
        assert.equal(edited.status, 'open');
        assert.equal(edited.price, Number(price));
        const old = await ex.fetchOrder(postOnly.id, SYMBOL);
        assert.equal(old.status, 'canceled');
        postOnly = edited;
        return `replaced by ${edited.id} at ${edited.price}`;
    }, 'protective');
    await check('createOrder stop-loss limit', async () => {
        const stopPrice = ex.priceToPrecision(SYMBOL, last * 0.9);
        const limitPrice = ex.priceToPrecision(SYMBOL, last * 0.89);
        const order = await ex.createOrder(SYMBOL, 'limit', 'sell', 0.001, limitPrice, { stopLossPrice: stopPrice });
        assert.equal(order.info.type, 'STOP_LOSS_LIMIT');
        assert.equal(order.status, 'open');
        assert.equal(order.triggerPrice, Number(stopPrice));
        return `STOP_LOSS_LIMIT ${order.id} stop ${order.triggerPrice}`;
    }, 'protective');
    await check('cancelAllOrders', async () => {
        await ex.cancelAllOrders(SYMBOL);
        const open = await ex.fetchOpenOrders(SYMBOL);
        assert.equal(open.length, 0);
        return 'none open';
    });
    await check('fetchClosedOrders', async () => {
        const closed = await ex.fetchClosedOrders(SYMBOL);
        const ids = closed.map((o) => o.id);
        assert.ok(ids.includes(marketBuy.id), 'the filled market buy is closed');
        assert.ok(!ids.includes(limitBuy.id), 'a canceled order is not closed');
        assert.ok(closed.every((o) => o.status === 'closed' && o.filled > 0), 'only filled orders');
        return `${closed.length} closed`;
    });
    await check('fetchMyTrades since limit', async () => {
        const all = await ex.fetchMyTrades(SYMBOL);
        assert.ok(all.length >= 2, 'both market buys traded');
        for (const t of all) assert.ok(t.order && t.fee && num(t.price) && t.amount > 0, 'trade shape');
        const since = all[all.length - 1].timestamp;
        const page = await ex.fetchMyTrades(SYMBOL, since, 1);
        assert.equal(page.length, 1);
        assert.ok(page[0].timestamp >= since, 'on or after since');
        return `${all.length} trades; since ${since} limit 1 -> ${page[0].id}`;
    });

    await check('watchOHLCV', async () => {
        const first = await ex.watchOHLCV(SYMBOL, '1m');
        assert.ok(first.length > 0);
        const [t, o, h, l, c] = first[first.length - 1];
        assert.equal(t % 60000, 0);
        assert.ok(l <= Math.min(o, c) && h >= Math.max(o, c));
        const next = await ex.watchOHLCV(SYMBOL, '1m');
        return `bar ${t} close ${c}, then ${next[next.length - 1][0]}`;
    });
    await check('watchTrades', async () => {
        const trades = await ex.watchTrades(SYMBOL);
        assert.ok(trades.length > 0);
        const t = trades[trades.length - 1];
        assert.ok(num(t.price) && t.amount > 0 && t.symbol === SYMBOL && t.id);
        return `${trades.length} trades, last ${t.price}`;
    });

    // Each error class as ccxt raises it on Binance spot.
    await expectError('wrong secret', ccxt.AuthenticationError, () => newExchange({ secret: 'not-the-secret' }).fetchBalance());
    await expectError('unknown API key', ccxt.AuthenticationError, () => newExchange({ apiKey: 'not-a-key' }).fetchBalance());
    await expectError('buy beyond the balance', ccxt.InsufficientFunds, () => ex.createOrder(SYMBOL, 'market', 'buy', 1));
    await expectError('quantity off the step', ccxt.InvalidOrder, () => ex.createOrder(SYMBOL, 'limit', 'buy', 0.0000001, farBelow(), {}));
    await expectError('post-only that would take', ccxt.InvalidOrder,
        () => ex.createOrder(SYMBOL, 'limit', 'buy', 0.001, ex.priceToPrecision(SYMBOL, last * 1.05), { postOnly: true }));
    await expectError('fetch an unknown order', ccxt.OrderNotFound, () => ex.fetchOrder('987654321', SYMBOL));
    await expectError('cancel an unknown order', ccxt.OrderNotFound, () => ex.cancelOrder('987654321', SYMBOL));
    await expectError('timestamp ahead of the server', ccxt.InvalidNonce, () => {
        const skewed = newExchange();
        skewed.options.timeDifference = -120_000;
        return skewed.fetchBalance();
    });
    await fault({ kind: 'ban', retryAfter: 60 });
    await expectError('IP banned (418)', ccxt.DDoSProtection, () => ex.fetchTicker(SYMBOL));
    await expectError('still banned within Retry-After', ccxt.DDoSProtection, () => ex.fetchTime());
    await fault({ kind: 'clear' });
    await fault({ kind: 'rate-limit', retryAfter: 60 });
    await expectError('request weight exceeded (429 -1003)', ccxt.DDoSProtection, () => ex.fetchTicker(SYMBOL));
    await fault({ kind: 'clear' });
    await expectError('order count exceeded (429 -1015)', ccxt.DDoSProtection, async () => {
        for (let i = 0; i < ORDER_BURST; i++) await ex.createOrder(SYMBOL, 'market', 'buy', undefined, undefined, { cost: 6 });
    });
    await check('fetchTime after the ban window cleared', async () => `${await ex.fetchTime()}`);

    await ex.close();
    console.log(failures === 0 ? 'ccxt conformance: all calls passed' : `ccxt conformance: ${failures} failed`);
    process.exit(failures === 0 ? 0 : 1);
}

async function fault(body) {
    const response = await fetch(`${httpBase}/sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`POST /sim/faults ${JSON.stringify(body)}: ${response.status} ${await response.text()}`);
}

main().catch((e) => {
    console.log(`FAIL suite ${e && e.stack || e}`);
    process.exit(1);
});
