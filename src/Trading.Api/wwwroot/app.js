'use strict';
// The dashboard: log in with the API key, refresh the panels every few seconds and on live activity, run the actions.
(() => {
  const $ = (id) => document.getElementById(id);
  let equity = null;
  let timer = null;
  let refreshing = false;
  let regimesAt = 0;
  const RegimeEvery = 10000;
  let futuresAt = 0;
  const FuturesEvery = 5000; // each read asks the venue (positionRisk, account, income)

  async function refresh() {
    if (refreshing) return;
    refreshing = true;
    try {
      const [status, portfolio, history, bots, orders, trades, signals, decisions, backtests] = await Promise.all([
        Api.get('/status'), Api.get('/portfolio'), Api.get('/portfolio/history?days=30'), Api.get('/bots'),
        Api.get('/orders?status=open&limit=50'), Api.get('/trades?limit=50'), Api.get('/signals?limit=50'),
        Api.get('/risk-decisions?limit=300'), Api.get('/backtests?limit=20')]);
      Panels.status(status);
      Panels.portfolio(portfolio);
      equity.setPoints(history.map((s) => ({ time: Charts.seconds(Date.parse(s.time)), value: s.equity }))
        .filter((p, i, all) => i === 0 || p.time > all[i - 1].time));
      Panels.bots(bots, stopBot);
      Panels.orders(orders);
      Panels.trades(trades);
      Panels.signals(signals, decisions);
      Panels.backtests(backtests, openBacktest);
      if (Date.now() - regimesAt > RegimeEvery) {
        regimesAt = Date.now();
        Panels.regimes(await Api.get('/regimes'));
      }
      if (Date.now() - futuresAt > FuturesEvery) {
        futuresAt = Date.now();
        await refreshFutures();
      }
      document.body.dataset.refreshed = String(Date.now());
    } catch (e) {
      if (e.status === 401) logout('the key was refused');
    } finally {
      refreshing = false;
    }
  }

  async function refreshFutures() {
    try {
      Panels.futures(await Api.get('/futures/positions'));
    } catch (e) {
      if (e.status === 401) throw e;
      Panels.futures(null, e.message);
    }
  }

  async function stopBot(id) {
    try { await Api.del('/bots/' + encodeURIComponent(id)); } catch (e) { $('bot-error').textContent = e.message; }
    refresh();
  }

  async function startBot(event) {
    event.preventDefault();
    $('bot-error').textContent = '';
    const parameters = {};
    for (const pair of $('bot-params').value.split(',').map((p) => p.trim()).filter((p) => p)) {
      const [name, ...rest] = pair.split('=');
      parameters[name.trim()] = rest.join('=').trim();
    }
    const body = { strategy: $('bot-strategy').value, symbols: [$('bot-symbol').value.trim()], timeframe: $('bot-timeframe').value.trim(), parameters };
    if ($('bot-name').value.trim()) body.id = $('bot-name').value.trim();
    try { await Api.post('/bots', body); } catch (e) { $('bot-error').textContent = e.message; }
    refresh();
  }

  async function setKillSwitch(engage) {
    if (engage && !window.confirm('Engage the kill switch? Trading halts, every bot stops and every open order is cancelled until trading is resumed.')) return;
    try {
      if (engage) await Api.post('/kill-switch', { reason: 'kill switch from the dashboard' }); else await Api.del('/kill-switch');
    } catch (e) { window.alert(e.message); }
    refresh();
  }

  async function openBacktest(id) {
    const run = await Api.get('/backtests/' + encodeURIComponent(id));
    $('backtest-detail').hidden = false;
    $('backtest-title').textContent = run.id + ' – ' + run.status;
    $('backtest-stats').textContent = run.statistics ? JSON.stringify(run.statistics, null, 1) : (run.error || 'running…');
    if (run.chart) Charts.backtest($('backtest-price'), $('backtest-equity'), run.chart);
  }

  async function open() {
    try {
      await Api.get('/status');
    } catch (e) {
      logout(e.status === 401 ? 'the key was refused' : e.message);
      return;
    }
    $('login').hidden = true;
    $('dashboard').hidden = false;
    $('logout').hidden = false;
    equity = equity || Charts.equityChart($('equity-chart'));
    const strategies = await Api.get('/strategies');
    $('bot-strategy').replaceChildren(...strategies.map((s) => { const o = document.createElement('option'); o.textContent = s.name; return o; }));
    await refresh();
    await Live.show($('chart-symbol').value.trim(), $('chart-timeframe').value);
    timer = timer || setInterval(refresh, 3000);
  }

  function logout(reason) {
    Api.clearKey();
    if (timer) { clearInterval(timer); timer = null; }
    $('dashboard').hidden = true;
    $('logout').hidden = true;
    $('kill-switch').hidden = true;
    $('resume').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = reason || '';
  }

  $('login-form').addEventListener('submit', (e) => { e.preventDefault(); Api.setKey($('api-key').value); open(); });
  $('logout').addEventListener('click', () => logout());
  $('kill-switch').addEventListener('click', () => setKillSwitch(true));
  $('resume').addEventListener('click', () => setKillSwitch(false));
  $('bot-form').addEventListener('submit', startBot);
  $('chart-load').addEventListener('click', () => Live.show($('chart-symbol').value.trim(), $('chart-timeframe').value));
  Live.onActivity(() => refresh());
  if (Api.hasKey()) open();
})();
