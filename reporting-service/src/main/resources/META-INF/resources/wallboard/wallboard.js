// The supervisor wallboard: queues, agents and a chart of the last hours, live over server-sent events.
// No build step and no library: it reads reporting-service's authenticated APIs with the token the supervisor
// gives it (after #token= in the link, or pasted into the form) and keeps that token in this tab only.
// Streams are read with fetch() rather than EventSource, because EventSource cannot send an Authorization header
// and a token in a query string would end up in access logs.
'use strict';

(function () {
  const TOKEN_KEY = 'cc.wallboard.token';
  const params = new URLSearchParams(location.search);
  const workspace = params.get('workspace_sid');
  const scope = workspace ? '?workspace_sid=' + encodeURIComponent(workspace) : '';
  const state = { queues: null, workers: null, settings: null, intervals: [], queueLevels: new Map() };
  let token = null;
  let controller = null;
  let intervalTimer = null;
  let intervalsDue = 0;

  class AuthError extends Error {}

  // ---- token ----------------------------------------------------------------------------------------------
  function takeToken() {
    const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (match) {
      sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
      // the fragment never reaches a server, but it should not stay in the address bar either
      history.replaceState(null, '', location.pathname + location.search);
    }
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function showLogin(message) {
    stop();
    sessionStorage.removeItem(TOKEN_KEY);
    document.body.dataset.state = 'signed-out';
    byId('board').hidden = true;
    byId('login').hidden = false;
    byId('login-error').textContent = message || '';
    setConnection('signed out');
  }

  byId('login').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = byId('token').value.trim().replace(/^Bearer\s+/i, '');
    if (!value) {
      byId('login-error').textContent = 'A token is needed.';
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, value);
    start(value);
  });

  // ---- API ------------------------------------------------------------------------------------------------
  async function api(path) {
    const response = await fetch(path, { headers: authHeaders('application/json'), cache: 'no-store' });
    if (response.status === 401 || response.status === 403) {
      throw new AuthError(await problemText(response));
    }
    if (!response.ok) {
      throw new Error(path + ' answered ' + response.status + ': ' + await problemText(response));
    }
    return response.json();
  }

  function authHeaders(accept) {
    return { Authorization: 'Bearer ' + token, Accept: accept };
  }

  async function problemText(response) {
    try {
      const problem = await response.json();
      return problem.detail || problem.title || String(response.status);
    } catch (e) {
      return String(response.status);
    }
  }

  // Reads one server-sent event stream until it ends, calling onEvent(name, data) per event.
  async function readStream(path, onEvent, signal) {
    const response = await fetch(path, { headers: authHeaders('text/event-stream'), cache: 'no-store', signal });
    if (response.status === 401 || response.status === 403) {
      throw new AuthError(await problemText(response));
    }
    if (!response.ok || !response.body) {
      throw new Error(path + ' answered ' + response.status);
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = 'message';
        const data = [];
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) {
            continue; // a heartbeat comment
          }
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          let text = colon < 0 ? '' : line.slice(colon + 1);
          if (text.startsWith(' ')) {
            text = text.slice(1);
          }
          if (field === 'event') {
            name = text;
          } else if (field === 'data') {
            data.push(text);
          }
        }
        if (data.length > 0) {
          onEvent(name, JSON.parse(data.join('\n')));
        }
      }
    }
  }

  // Keeps one stream open, reconnecting with a growing pause; an authentication failure signs out instead.
  async function keepStreaming(path, onEvent, signal) {
    let pause = 1000;
    while (!signal.aborted) {
      try {
        await readStream(path, (name, data) => {
          pause = 1000;
          setConnection('live');
          onEvent(name, data);
        }, signal);
      } catch (error) {
        if (signal.aborted) {
          return;
        }
        if (error instanceof AuthError) {
          showLogin('The token was refused: ' + error.message);
          return;
        }
        console.warn('stream ' + path + ' failed: ' + error.message);
      }
      if (signal.aborted) {
        return;
      }
      setConnection('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 15000);
    }
  }

  // ---- start and stop -------------------------------------------------------------------------------------
  async function start(value) {
    stop();
    token = value;
    byId('login').hidden = true;
    byId('board').hidden = false;
    setConnection('connecting');
    try {
      state.settings = await api('/v1/wallboard/settings');
    } catch (error) {
      if (error instanceof AuthError) {
        showLogin('The token was refused: ' + error.message);
      } else {
        setConnection('reconnecting');
        console.warn(error.message);
        setTimeout(() => start(value), 3000);
      }
      return;
    }
    byId('target').textContent = 'target ' + state.settings.service_level_target_percent + '% within '
        + state.settings.service_level_threshold_seconds + ' s';
    byId('chart-span').textContent = 'last ' + Math.round(state.settings.chart_seconds / 3600) + ' h';
    controller = new AbortController();
    keepStreaming('/v1/queues/live/stream' + scope, (name, data) => {
      if (name === 'queues') {
        state.queues = data;
        renderQueues();
        intervalsSoon();
      }
    }, controller.signal);
    keepStreaming('/v1/workers/live/stream' + scope, (name, data) => {
      if (name === 'workers') {
        state.workers = data;
        renderWorkers();
      }
    }, controller.signal);
    loadIntervals();
    intervalTimer = setInterval(loadIntervals, 30000);
  }

  function stop() {
    if (controller) {
      controller.abort();
      controller = null;
    }
    if (intervalTimer) {
      clearInterval(intervalTimer);
      intervalTimer = null;
    }
  }

  // ---- intervals: service level of the current interval, and the chart -------------------------------------
  // A burst of live events reloads the intervals at most every five seconds.
  function intervalsSoon() {
    const now = Date.now();
    if (now >= intervalsDue) {
      intervalsDue = now + 5000;
      setTimeout(loadIntervals, 1000);
    }
  }

  async function loadIntervals() {
    if (!state.settings || !token) {
      return;
    }
    const length = state.settings.interval_seconds * 1000;
    const to = Date.now() + 1000;
    const from = Math.floor((to - state.settings.chart_seconds * 1000) / length) * length;
    const query = '?group_by=queue&from=' + new Date(from).toISOString() + '&to=' + new Date(to).toISOString();
    try {
      const report = await api('/v1/intervals' + query);
      const current = new Date(Math.floor(Date.now() / length) * length).toISOString();
      state.intervals = report.rows;
      state.queueLevels = new Map();
      for (const row of report.rows) {
        if (sameInstant(row.interval_start, current)) {
          state.queueLevels.set(row.group.task_queue_sid, row);
        }
      }
      renderQueues();
      renderChart(from, to, length);
    } catch (error) {
      if (error instanceof AuthError) {
        showLogin('The token was refused: ' + error.message);
      } else {
        console.warn('intervals: ' + error.message);
      }
    }
  }

  // ---- rendering ------------------------------------------------------------------------------------------
  function renderQueues() {
    const snapshot = state.queues;
    if (!snapshot) {
      return;
    }
    const body = byId('queue-rows');
    const rows = snapshot.queues.map((queue) => {
      const row = el('tr', { 'data-queue': queue.task_queue_sid });
      row.append(
        el('td', { title: queue.task_queue_sid + ' in ' + queue.workspace_sid }, shortSid(queue.task_queue_sid)),
        cell('pending', queue.pending, 'big' + (queue.pending > 0 && queue.available_workers === 0 ? ' alert' : '')),
        cell('longest-wait', duration(queue.longest_waiting_seconds), '', {
          'data-seconds': queue.longest_waiting_seconds, 'data-as-of': snapshot.as_of }),
        cell('reserved', queue.reserved),
        cell('assigned', queue.assigned),
        cell('available-workers', queue.available_workers));
      row.append(serviceLevelCell(queue.task_queue_sid));
      return row;
    });
    body.replaceChildren(...rows);
    byId('no-queues').hidden = rows.length > 0;
    document.body.dataset.version = String(snapshot.version);
  }

  function serviceLevelCell(queueSid) {
    const row = state.queueLevels.get(queueSid);
    if (!row || row.service_level === null || row.service_level === undefined) {
      return cell('service-level', '—', 'muted');
    }
    const target = state.settings.service_level_target_percent;
    return cell('service-level', row.service_level.toFixed(0) + '%', row.service_level >= target ? 'good' : 'bad',
        { title: row.accepted + ' accepted this interval, target ' + target + '%' });
  }

  function renderWorkers() {
    const workers = state.workers ? state.workers.workers : [];
    const cards = workers.map((worker) => {
      const busy = worker.assigned > 0 ? 'busy' : worker.reserved > 0 ? 'reserved' : worker.available ? 'free' : 'away';
      const card = el('div', { class: 'card', 'data-worker': worker.worker_sid, 'data-state': busy });
      const tasks = worker.assigned + worker.reserved;
      card.append(
        el('div', { class: 'name', title: worker.worker_sid }, worker.friendly_name || shortSid(worker.worker_sid)),
        el('div', { class: 'activity', 'data-field': 'activity' },
          (worker.activity_name || (worker.available ? 'Available' : 'Unavailable'))
          + (tasks > 0 ? ' · ' + tasks + (tasks === 1 ? ' task' : ' tasks') : '')));
      return card;
    });
    byId('agent-cards').replaceChildren(...cards);
    const free = workers.filter((worker) => worker.available && worker.assigned + worker.reserved === 0).length;
    byId('agent-summary').textContent = free + ' free of ' + workers.length;
  }

  function renderChart(from, to, length) {
    const totals = new Map();
    for (let start = from; start < to; start += length) {
      totals.set(start, { offered: 0, accepted: 0 });
    }
    for (const row of state.intervals) {
      const bucket = totals.get(Date.parse(row.interval_start));
      if (bucket) {
        bucket.offered += row.offered;
        bucket.accepted += row.accepted;
      }
    }
    const buckets = [...totals.entries()];
    const max = Math.max(1, ...buckets.map(([, b]) => Math.max(b.offered, b.accepted)));
    const width = 1000 / Math.max(1, buckets.length);
    const svg = byId('chart');
    const shapes = [];
    buckets.forEach(([start, bucket], i) => {
      const x = i * width;
      shapes.push(bar(x + width * 0.1, bucket.offered, max, width * 0.38, 'offered'));
      shapes.push(bar(x + width * 0.52, bucket.accepted, max, width * 0.38, 'accepted'));
      if (i % Math.ceil(buckets.length / 8) === 0) {
        const label = svgEl('text', { x: x + 2, y: 216 });
        label.textContent = new Date(start).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
        shapes.push(label);
      }
    });
    svg.replaceChildren(...shapes);
  }

  function bar(x, value, max, width, kind) {
    const height = (value / max) * 190;
    const rect = svgEl('rect', { x, y: 195 - height, width, height, class: kind });
    const title = svgEl('title', {});
    title.textContent = value + ' ' + kind;
    rect.append(title);
    return rect;
  }

  // The longest waits and the clock tick between events.
  function tick() {
    byId('clock').textContent = new Date().toLocaleTimeString();
    for (const cellNode of document.querySelectorAll('td[data-field="longest-wait"]')) {
      const seconds = Number(cellNode.dataset.seconds);
      if (seconds > 0) {
        const since = Math.max(0, (Date.now() - Date.parse(cellNode.dataset.asOf)) / 1000);
        cellNode.textContent = duration(Math.floor(seconds + since));
      }
    }
  }

  // ---- small helpers --------------------------------------------------------------------------------------
  function setConnection(text) {
    if (text === 'live' || text === 'reconnecting' || text === 'connecting') {
      document.body.dataset.state = text;
    }
    byId('connection-text').textContent = text;
  }

  function cell(field, value, className, attributes) {
    return el('td', Object.assign({ 'data-field': field, class: className || '' }, attributes || {}), String(value));
  }

  function el(tag, attributes, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      node.setAttribute(name, value);
    }
    if (text !== undefined) {
      node.textContent = text; // never innerHTML: names come from outside
    }
    return node;
  }

  function svgEl(tag, attributes) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [name, value] of Object.entries(attributes)) {
      node.setAttribute(name, value);
    }
    return node;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function shortSid(sid) {
    return sid ? sid.slice(0, 2) + '…' + sid.slice(-6) : '';
  }

  function duration(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const m = Math.floor(s / 60);
    return m >= 60 ? Math.floor(m / 60) + 'h' + String(m % 60).padStart(2, '0')
        : m + ':' + String(s % 60).padStart(2, '0');
  }

  function sameInstant(a, b) {
    return Date.parse(a) === Date.parse(b);
  }

  setInterval(tick, 1000);
  tick();
  const saved = takeToken();
  if (saved) {
    start(saved);
  } else {
    showLogin('');
  }
})();
