'use strict';
// The dashboard's tables and cards, each filled from one GET of the API.
const Panels = (() => {
  const money = (v) => (v === null || v === undefined) ? '–' : Number(v).toLocaleString('en-US', { maximumFractionDigits: 8 });
  const quote = (v) => (v === null || v === undefined) ? '–' : Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const time = (t) => t ? new Date(t).toISOString().replace('T', ' ').slice(0, 19) : '–';
  const signed = (v) => '<span class="' + (v >= 0 ? 'pos' : 'neg') + '">' + quote(v) + '</span>';

  function cell(value) {
    const td = document.createElement('td');
    td.textContent = value === null || value === undefined ? '–' : String(value);
    return td;
  }

  function fill(tableId, rows, columns) {
    const body = document.querySelector('#' + tableId + ' tbody');
    body.replaceChildren(...rows.map((row) => {
      const tr = document.createElement('tr');
      for (const column of columns(row)) tr.appendChild(column instanceof Node ? column : cell(column));
      return tr;
    }));
  }

  function portfolio(p) {
    document.getElementById('equity').textContent = quote(p.equity) + ' ' + p.quoteAsset;
    document.getElementById('daily-pnl').innerHTML = signed(p.dailyPnl);
    document.getElementById('drawdown').textContent = (p.drawdown * 100).toFixed(2) + ' %';
    document.getElementById('pnl').innerHTML = signed(p.realizedPnl) + ' / ' + signed(p.unrealizedPnl);
    fill('positions', p.positions, (x) => [x.symbol, money(x.quantity), money(x.averageEntryPrice), money(x.currentPrice), money(x.unrealizedPnl)]);
  }

  function status(s) {
    const badge = document.getElementById('state-badge');
    badge.textContent = s.tradingState;
    badge.className = 'badge ' + s.tradingState;
    badge.title = s.tradingStateReason || '';
    document.getElementById('mode').textContent = s.mode + (s.dryRun ? ' (dry run)' : '');
    document.getElementById('kill-switch').hidden = s.tradingState === 'HALTED';
    document.getElementById('resume').hidden = s.tradingState !== 'HALTED';
  }

  function bots(list, stop) {
    fill('bots', list, (b) => {
      const action = document.createElement('td');
      if (b.running) {
        const button = document.createElement('button');
        button.textContent = 'Stop';
        button.className = 'bot-stop';
        button.addEventListener('click', () => stop(b.id));
        action.appendChild(button);
      }
      return [b.id, b.strategy, b.symbols.join(','), b.timeframe, b.state + (b.faulted ? ', faulted' : ''), b.openOrders + '/' + b.orders, b.lastSignal, action];
    });
    for (const [i, b] of list.entries()) document.querySelectorAll('#bots tbody tr')[i].dataset.botId = b.id;
  }

  function orders(list) {
    fill('orders', list, (o) => [time(o.createdAt), o.symbol, o.side, o.type, money(o.quantity), money(o.price), o.status]);
  }

  function trades(list) {
    fill('trades', list, (f) => [time(f.time), f.symbol, f.side, money(f.quantity), money(f.price), money(f.fee) + ' ' + f.feeAsset]);
  }

  function signals(list, decisions) {
    const bySignal = new Map();
    for (const d of decisions) if (d.signalId && !bySignal.has(d.signalId)) bySignal.set(d.signalId, d);
    fill('signals', list, (s) => {
      const d = bySignal.get(s.id);
      const verdict = d ? (d.allowed ? 'allowed' : 'denied: ' + d.check + ' – ' + d.reason) : 'no decision';
      return [time(s.createdAt), s.botId, s.symbol, s.side, money(s.price), verdict];
    });
  }

  function regimes(list) {
    const reading = (v) => (v === null || v === undefined) ? '–' : Number(v).toFixed(2);
    fill('regimes', list, (r) => {
      const label = document.createElement('td');
      const badge = document.createElement('span');
      badge.className = 'regime ' + r.regime;
      badge.textContent = r.regime;
      label.appendChild(badge);
      return [r.symbol, r.timeframe, label, time(r.asOf), reading(r.adx), reading(r.plusDi) + ' / ' + reading(r.minusDi), reading(r.atrPercent)];
    });
  }

  // GET /futures/positions: the venue's USDⓈ-M positions and wallet; a venue that cannot be read says why in the account line.
  function futures(view, problem) {
    const account = document.getElementById('futures-account');
    if (problem) {
      account.textContent = 'futures account unavailable: ' + problem;
      fill('futures-positions', [], () => []);
      return;
    }
    account.textContent = 'wallet ' + quote(view.walletBalance) + ' USDT, available ' + quote(view.availableBalance) + ', unrealised ' + quote(view.unrealizedPnl);
    fill('futures-positions', view.positions, (p) => [p.symbol, p.side, money(p.size), money(p.entryPrice), money(p.markPrice), quote(p.unrealizedPnl),
      p.liquidationPrice > 0 ? quote(p.liquidationPrice) : '–', p.leverage + 'x', money(p.margin) + ' ' + p.marginType, money(p.funding)]);
  }

  function backtests(list, open) {
    fill('backtests', list, (b) => {
      const link = document.createElement('td');
      const a = document.createElement('a');
      a.href = '#';
      a.textContent = b.id;
      a.addEventListener('click', (e) => { e.preventDefault(); open(b.id); });
      link.appendChild(a);
      return [link, b.status, b.strategy, b.symbol, b.timeframe, time(b.createdAt)];
    });
  }

  return { portfolio, status, bots, orders, trades, signals, regimes, futures, backtests, money };
})();
