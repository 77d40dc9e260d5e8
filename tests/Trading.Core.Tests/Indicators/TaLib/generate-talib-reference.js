// Writes TA-Lib's own outputs for Binance kline rows read from stdin (open_time,open,high,low,close,volume,...),
// using TA-Lib's C code compiled to WebAssembly (npm package talib-web 0.1.3) called directly with
// startIdx 0 and endIdx n-1; each output is placed at the index TA-Lib reports (outBegIdx), blank before it.
//
//   mkdir -p /tmp/talib && (cd /tmp/talib && npm install talib-web@0.1.3)
//   K=../shared/data/binance-spot/klines/BTCUSDT
//   for d in 2023-03-{20..31}; do unzip -p $K/1h/BTCUSDT-1h-$d.zip; done \
//     | NODE_PATH=/tmp/talib/node_modules node tests/Trading.Core.Tests/Indicators/TaLib/generate-talib-reference.js \
//     > tests/Trading.Core.Tests/Indicators/TaLib/btcusdt-1h-2023-03-20-to-31.csv
//   unzip -p $K/1m/BTCUSDT-1m-2023-03-24.zip | sed -n '631,870p' | NODE_PATH=... node ... > .../btcusdt-1m-2023-03-24-halt.csv
const fs = require("fs");
const path = require("path");
const talib = require("talib-web");
const wasm = path.join(path.dirname(require.resolve("talib-web")), "talib.wasm");
globalThis.fetch = async (url) => new Response(fs.readFileSync(String(url)), { headers: { "Content-Type": "application/wasm" } });

const rows = fs.readFileSync(0, "utf8").trim().split("\n").map((l) => l.split(",").map(Number));
const time = rows.map((r) => r[0]), high = rows.map((r) => r[2]), low = rows.map((r) => r[3]);
const close = rows.map((r) => r[4]), volume = rows.map((r) => r[5]);
const n = rows.length;

function call(M, name, inputs, options, outputCount) {
  const pointers = [];
  const args = [0, n - 1];
  for (const values of inputs) { const p = M._malloc(8 * n); M.HEAPF64.set(values, p / 8); pointers.push(p); args.push(p); }
  args.push(...options);
  const begin = M._malloc(4), count = M._malloc(4);
  pointers.push(begin, count);
  args.push(begin, count);
  const outputs = [];
  for (let k = 0; k < outputCount; k++) { const p = M._malloc(8 * n); pointers.push(p); outputs.push(p); args.push(p); }
  const rc = M.ccall("TA_" + name, "number", args.map(() => "number"), args);
  if (rc !== 0) throw new Error(`TA_${name} returned ${rc}`);
  const b = M.HEAP32[begin / 4], c = M.HEAP32[count / 4];
  const result = outputs.map((p) => { const o = new Array(n).fill(""); for (let i = 0; i < c; i++) o[b + i] = String(M.HEAPF64[p / 8 + i]); return o; });
  pointers.forEach((p) => M._free(p));
  return result;
}

talib.init(wasm).then((M) => {
  const hlc = [high, low, close];
  const cols = { open_time: time.map(String) };
  [cols.SMA20] = call(M, "SMA", [close], [20], 1);
  [cols.EMA20] = call(M, "EMA", [close], [20], 1);
  [cols.WMA20] = call(M, "WMA", [close], [20], 1);
  [cols.RSI14] = call(M, "RSI", [close], [14], 1);
  [cols.TRANGE] = call(M, "TRANGE", hlc, [], 1);
  [cols.ATR14] = call(M, "ATR", hlc, [14], 1);
  [cols.ADX14] = call(M, "ADX", hlc, [14], 1);
  [cols.PLUS_DI14] = call(M, "PLUS_DI", hlc, [14], 1);
  [cols.MINUS_DI14] = call(M, "MINUS_DI", hlc, [14], 1);
  [cols.STDDEV20] = call(M, "STDDEV", [close], [20, 1], 1);
  [cols.BBANDS20_UPPER, cols.BBANDS20_MIDDLE, cols.BBANDS20_LOWER] = call(M, "BBANDS", [close], [20, 2, 2, 0], 3);
  [cols.MACD, cols.MACD_SIGNAL, cols.MACD_HIST] = call(M, "MACD", [close], [12, 26, 9], 3);
  [cols.STOCH_K, cols.STOCH_D] = call(M, "STOCH", hlc, [5, 3, 0, 3, 0], 2);
  [cols.OBV] = call(M, "OBV", [close, volume], [], 1);
  const names = Object.keys(cols);
  const lines = [names.join(",")];
  for (let i = 0; i < n; i++) lines.push(names.map((k) => cols[k][i]).join(","));
  process.stdout.write(lines.join("\n") + "\n");
});
