'use strict';
// The live market panel: stored candles for the chosen symbol and timeframe, then every candle, signal and fill from the
// bus as server-sent events (GET /events?symbol=).
const Live = (() => {
  const timeframes = { '1m': 60e3, '5m': 300e3, '15m': 900e3, '1h': 3600e3, '4h': 14400e3, '1d': 86400e3 };
  let chart = null;
  let abort = null;
  let onActivity = () => {};

  function state(text) { document.getElementById('live-state').textContent = text; }

  async function show(symbol, timeframe) {
    if (abort) abort.abort();
    if (chart) chart.destroy();
    const element = document.getElementById('candle-chart');
    element.innerHTML = '';
    chart = Charts.priceChart(element);
    const frameMs = timeframes[timeframe];
    const query = 'symbol=' + encodeURIComponent(symbol) + '&timeframe=' + encodeURIComponent(timeframe);
    const [candles, signals, fills] = await Promise.all([
      Api.get('/candles?' + query + '&limit=300'), Api.get('/signals?limit=500'), Api.get('/trades?limit=500')]);
    chart.setCandles(candles);
    chart.setMarkers(signals.filter((s) => s.symbol === symbol), fills.filter((f) => f.symbol === symbol), frameMs);
    abort = new AbortController();
    const current = chart;
    state('live');
    Api.stream('/events?symbol=' + encodeURIComponent(symbol), (type, data) => {
      if ((type === 'candle' || type === 'candle.open') && data.timeframe === timeframe) current.update(data);
      else if (type === 'signal' && data.symbol === symbol) {
        current.addMarker({ time: Charts.seconds(Math.floor(Date.parse(data.createdAt) / frameMs) * frameMs),
          position: data.side === 'BUY' ? 'belowBar' : 'aboveBar', color: data.side === 'BUY' ? '#1e88e5' : '#e65100',
          shape: data.side === 'BUY' ? 'arrowUp' : 'arrowDown', text: 'S' });
        onActivity();
      } else if (type === 'fill' && data.symbol === symbol) {
        current.addMarker({ time: Charts.seconds(Math.floor(Date.parse(data.time) / frameMs) * frameMs),
          position: data.side === 'BUY' ? 'belowBar' : 'aboveBar', color: '#2e7d32', shape: 'circle', text: 'F' });
        onActivity();
      } else if (type === 'order' || type === 'bot.status') onActivity();
    }, abort.signal).then(() => state('disconnected'), (e) => { if (e.name !== 'AbortError') state('disconnected: ' + e.message); });
  }

  return { show, onActivity: (handler) => { onActivity = handler; } };
})();
