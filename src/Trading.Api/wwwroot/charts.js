'use strict';
// Charts on lightweight-charts (served by the API from the npm package built into the platform; no CDN).
const Charts = (() => {
  const LC = window.LightweightCharts;
  const seconds = (ms) => Math.floor(ms / 1000);

  function create(element) {
    return LC.createChart(element, { autoSize: true, layout: { background: { color: '#ffffff' }, textColor: '#222' },
      timeScale: { timeVisible: true, secondsVisible: false } });
  }

  function line(chart, color) {
    return chart.addSeries(LC.LineSeries, { color, lineWidth: 2, priceLineVisible: false, lastValueVisible: false });
  }

  function sma(bars, period) {
    const out = [];
    let sum = 0;
    bars.forEach((b, i) => {
      sum += b.close;
      if (i >= period) sum -= bars[i - period].close;
      if (i >= period - 1) out.push({ time: b.time, value: sum / period });
    });
    return out;
  }

  function ema(bars, period) {
    const k = 2 / (period + 1);
    const out = [];
    let value = null;
    bars.forEach((b, i) => {
      value = value === null ? b.close : b.close * k + value * (1 - k);
      if (i >= period - 1) out.push({ time: b.time, value });
    });
    return out;
  }

  // The live price chart: candles, SMA/EMA overlays, signal and fill markers. update() takes one candle from the stream.
  function priceChart(element) {
    const chart = create(element);
    const candles = chart.addSeries(LC.CandlestickSeries, { upColor: '#26a69a', downColor: '#ef5350', borderVisible: false,
      wickUpColor: '#26a69a', wickDownColor: '#ef5350' });
    const fast = line(chart, '#ef6c00');
    const slow = line(chart, '#6a1b9a');
    const markers = LC.createSeriesMarkers(candles, []);
    let bars = [];
    let marks = [];

    function redraw() {
      fast.setData(sma(bars, 20));
      slow.setData(ema(bars, 50));
      const first = bars.length ? bars[0].time : 0;
      const last = bars.length ? bars[bars.length - 1].time : 0;
      const shown = marks.filter((m) => m.time >= first && m.time <= last).sort((a, b) => a.time - b.time);
      markers.setMarkers(shown);
      element.dataset.candles = String(bars.length);
      element.dataset.markers = String(shown.length);
      element.dataset.lastTime = bars.length ? String(bars[bars.length - 1].time) : '';
    }

    return {
      setCandles(list) {
        bars = list.map((c) => ({ time: seconds(c.time), open: c.open, high: c.high, low: c.low, close: c.close }));
        candles.setData(bars);
        redraw();
        chart.timeScale().fitContent();
      },
      update(c) {
        const bar = { time: seconds(c.openTimeMs), open: c.open, high: c.high, low: c.low, close: c.close };
        const last = bars[bars.length - 1];
        if (last && bar.time < last.time) return;
        if (last && bar.time === last.time) bars[bars.length - 1] = bar; else bars.push(bar);
        candles.update(bar);
        redraw();
      },
      setMarkers(signals, fills, timeframeMs) {
        const bucket = (ms) => seconds(Math.floor(ms / timeframeMs) * timeframeMs);
        marks = signals.map((s) => ({ time: bucket(Date.parse(s.createdAt)), position: s.side === 'BUY' ? 'belowBar' : 'aboveBar',
          color: s.side === 'BUY' ? '#1e88e5' : '#e65100', shape: s.side === 'BUY' ? 'arrowUp' : 'arrowDown', text: 'S' }))
          .concat(fills.map((f) => ({ time: bucket(Date.parse(f.time)), position: f.side === 'BUY' ? 'belowBar' : 'aboveBar',
            color: '#2e7d32', shape: 'circle', text: 'F' })));
        redraw();
      },
      addMarker(marker) { marks.push(marker); redraw(); },
      destroy() { chart.remove(); },
    };
  }

  function equityChart(element) {
    const chart = create(element);
    const series = chart.addSeries(LC.AreaSeries, { lineColor: '#1e88e5', topColor: 'rgba(30,136,229,0.3)', bottomColor: 'rgba(30,136,229,0.02)' });
    return {
      setPoints(points) {
        series.setData(points);
        chart.timeScale().fitContent();
        element.dataset.points = String(points.length);
      },
    };
  }

  // A stored backtest's chart series: points (timeMs, open, high, low, close, equity) and markers (timeMs, side, count).
  function backtest(priceElement, equityElement, chartData) {
    priceElement.innerHTML = '';
    equityElement.innerHTML = '';
    const price = create(priceElement);
    const candles = price.addSeries(LC.CandlestickSeries, { upColor: '#26a69a', downColor: '#ef5350', borderVisible: false });
    candles.setData(chartData.points.map((p) => ({ time: seconds(p.timeMs), open: p.open, high: p.high, low: p.low, close: p.close })));
    const isBuy = (m) => String(m.side).toUpperCase() === 'BUY';
    LC.createSeriesMarkers(candles, chartData.markers.map((m) => isBuy(m)
      ? { time: seconds(m.timeMs), position: 'belowBar', color: '#1e88e5', shape: 'arrowUp', text: 'B' }
      : { time: seconds(m.timeMs), position: 'aboveBar', color: '#e65100', shape: 'arrowDown', text: 'S' }));
    const equity = create(equityElement);
    line(equity, '#1e88e5').setData(chartData.points.map((p) => ({ time: seconds(p.timeMs), value: p.equity })));
    price.timeScale().fitContent();
    equity.timeScale().fitContent();
    priceElement.dataset.markers = String(chartData.markers.length);
  }

  return { priceChart, equityChart, backtest, seconds };
})();
