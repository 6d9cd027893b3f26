// GroundStream live dashboard: follows /api/stream (Server-Sent Events, one snapshot per change, at
// most one a second) and redraws in place (no reload); polls the REST API every 2 s while the stream
// is down, and stops polling as soon as the stream delivers again.
'use strict';

const REFRESH_MS = 2000;
const STREAM_RETRY_MS = 5000;
const CATEGORY_ORDER = ['all', 'people', 'clothing', 'bodyparts', 'animals', 'vehicles', 'instruments', 'scene', 'other'];
const COLORS = ['#2f6fde', '#e67e22', '#1e8e4f', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d'];
const state = { info: null, models: [], categoryChart: null, timelineChart: null, pollTimer: null, sseUpdates: 0 };

const pct = x => (x === null || x === undefined) ? '–' : (x * 100).toFixed(1) + '%';
// A 95% interval as "[65.1, 78.0]" in percent (points for a difference, with signs).
const ci = (interval, signed) => {
  if (!interval) return '';
  const f = x => (signed && x >= 0 ? '+' : '') + (x * 100).toFixed(1);
  return '[' + f(interval.lower) + ', ' + f(interval.upper) + ']';
};
const pctCi = (x, interval) => pct(x) + (interval ? ' ' + ci(interval) : '');
const points = x => (x >= 0 ? '+' : '') + (x * 100).toFixed(1);
const pValue = p => p < 0.001 ? '< 0.001' : p.toFixed(3);
const num = (x, digits) => (x === null || x === undefined) ? '–' : Number(x).toFixed(digits);
const hhmm = ms => new Date(ms).toISOString().substring(11, 16);
const el = (tag, attrs = {}, text) => {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) node.textContent = text;
  return node;
};
const color = i => COLORS[i % COLORS.length];
const byCategory = (a, b) => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b);

async function getJson(url) {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(url + ' -> ' + response.status);
  return response.json();
}

/** Polling fallback: the same picture as a stream snapshot, from the REST API. */
async function poll() {
  try {
    const health = await fetch('/health', { cache: 'no-store' }).then(r => r.json()).catch(() => ({ state: 'UNREACHABLE' }));
    const [allTime, windows, signals, alerts, latest] = await Promise.all([
      getJson('/api/metrics?window=all-time'),
      getJson('/api/metrics?category=all&window=' + encodeURIComponent((await ensureInfo()).tumblingWindow)),
      getJson('/api/signals?category=all'),
      getJson('/api/alerts?n=15'),
      getJson('/api/evaluations/latest?n=8'),
    ]);
    await apply({ state: health.state, allTime, windows, signals, alerts, latest }, 'poll');
  } catch (error) {
    document.getElementById('updated').textContent = 'update failed: ' + error.message;
  }
}

async function ensureInfo() {
  if (!state.info) state.info = await getJson('/api/info');
  return state.info;
}

/** Draws a snapshot (fields may be missing while the stores are unavailable: those keep their numbers). */
async function apply(snapshot, source) {
  renderHealth({ state: snapshot.state });
  if (snapshot.allTime) {
    await ensureInfo();
    renderRecallTable(snapshot.allTime);
    renderCategoryChart(snapshot.allTime);
    renderTimeline(snapshot.windows);
    renderSignals(snapshot.signals);
    renderAlerts(snapshot.alerts);
    renderLatest(snapshot.latest);
    updateModelChoices(snapshot.allTime);
    await refreshComparison();
  }
  document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString() + ' (' + source + ')';
  document.body.dataset.refreshed = String(Date.now());
  document.body.dataset.lastSource = source;
}

function startPolling() {
  if (state.pollTimer === null) {
    state.pollTimer = setInterval(poll, REFRESH_MS);
    poll();
  }
}

function stopPolling() {
  if (state.pollTimer !== null) {
    clearInterval(state.pollTimer);
    state.pollTimer = null;
  }
}

/** Follows the server's event stream; polls while it is down (EventSource itself reconnects). */
function connectStream() {
  if (!window.EventSource) {
    startPolling();
    return;
  }
  const source = new EventSource('/api/stream');
  source.addEventListener('snapshot', async event => {
    stopPolling();
    await apply(JSON.parse(event.data), 'stream');
    state.sseUpdates += 1;
    document.body.dataset.sseUpdates = String(state.sseUpdates);
  });
  source.onerror = () => {
    startPolling();
    if (source.readyState === EventSource.CLOSED) {
      // Refused (e.g. 503 while starting): the browser will not retry on its own.
      setTimeout(connectStream, STREAM_RETRY_MS);
    }
  };
}

function renderHealth(health) {
  const badge = document.getElementById('health');
  badge.textContent = health.state;
  badge.className = 'badge ' + (health.state === 'RUNNING' ? 'up' : 'down');
}

function renderRecallTable(snapshots) {
  const wrap = document.getElementById('recall-table-wrap');
  if (snapshots.length === 0) return;
  snapshots.sort((a, b) => a.model.localeCompare(b.model) || a.dataset.localeCompare(b.dataset) || byCategory(a.category, b.category));
  const table = el('table', { id: 'recall-table', class: 'recall numbers' });
  const head = table.createTHead().insertRow();
  ['model', 'dataset', 'type', 'phrases', 'R@1', 'R@5', 'R@10', 'merged box', 'pointing'].forEach(h => head.appendChild(el('th', {}, h)));
  const body = table.createTBody();
  for (const s of snapshots) {
    const row = body.insertRow();
    row.appendChild(el('td', {}, s.model));
    row.appendChild(el('td', {}, s.dataset));
    row.appendChild(el('td', {}, s.category));
    const cell = (metric, text) => row.appendChild(el('td', {
      class: 'metric', 'data-model': s.model, 'data-dataset': s.dataset, 'data-category': s.category, 'data-metric': metric,
    }, text));
    cell('evaluablePhrases', String(s.evaluablePhrases));
    const intervals = s.intervals || {};
    for (const metric of ['recallAt1', 'recallAt5', 'recallAt10', 'mergedBoxAccuracy', 'pointingAccuracy']) {
      cell(metric, pctCi(s[metric], intervals[metric]));
    }
  }
  wrap.replaceChildren(table);
}

function seriesName(s) { return s.model + ' · ' + s.dataset; }

function renderCategoryChart(snapshots) {
  const categories = [...new Set(snapshots.map(s => s.category))].sort(byCategory);
  const series = [...new Set(snapshots.map(seriesName))].sort();
  const datasets = series.map((name, i) => {
    const found = categories.map(c => snapshots.find(x => seriesName(x) === name && x.category === c));
    return {
      label: name, backgroundColor: color(i),
      data: found.map(s => s ? s.recallAt1 * 100 : null),
      intervals: found.map(s => s && s.intervals ? s.intervals.recallAt1 : null),
    };
  });
  state.categoryChart = draw(state.categoryChart, 'category-chart', 'bar', categories, datasets);
}

function renderTimeline(windows) {
  document.getElementById('window-name').textContent = '(' + state.info.tumblingWindow + ' windows, all phrases)';
  const starts = [...new Set(windows.map(w => w.windowStart))].sort((a, b) => a - b).slice(-60);
  const series = [...new Set(windows.map(seriesName))].sort();
  const datasets = series.map((name, i) => {
    const found = starts.map(t => windows.find(x => seriesName(x) === name && x.windowStart === t));
    return {
      label: name, borderColor: color(i), backgroundColor: color(i), tension: 0, spanGaps: true, pointRadius: 3,
      data: found.map(w => w ? w.recallAt1 * 100 : null),
      intervals: found.map(w => w && w.intervals ? w.intervals.recallAt1 : null),
    };
  });
  state.timelineChart = draw(state.timelineChart, 'timeline-chart', 'line', starts.map(hhmm), datasets);
}

function draw(chart, canvasId, type, labels, datasets) {
  if (!chart) {
    return new Chart(document.getElementById(canvasId), {
      type, data: { labels, datasets },
      options: {
        animation: false, maintainAspectRatio: false,
        scales: { y: { min: 0, max: 100, title: { display: true, text: 'recall@1 (%)' } } },
        plugins: {
          legend: { position: 'bottom' },
          // Every recall carries its 95% Wilson interval, in the tooltip of each bar and point.
          tooltip: { callbacks: { label: item => item.dataset.label + ': ' + item.parsed.y.toFixed(1) + '% '
            + ci((item.dataset.intervals || [])[item.dataIndex]) } },
        },
      },
    });
  }
  chart.data.labels = labels;
  chart.data.datasets = datasets;
  chart.update('none');
  return chart;
}

function updateModelChoices(snapshots) {
  const models = [...new Set(snapshots.map(s => s.model))].sort();
  if (models.join() === state.models.join()) return;
  state.models = models;
  for (const [id, pick] of [['compare-a', 0], ['compare-b', 1]]) {
    const select = document.getElementById(id);
    const previous = select.value;
    select.replaceChildren(...models.map(m => el('option', { value: m }, m)));
    select.value = models.includes(previous) ? previous : (models[pick] || models[0] || '');
  }
}

async function refreshComparison() {
  const a = document.getElementById('compare-a').value;
  const b = document.getElementById('compare-b').value;
  if (!a || !b || a === b) return;
  const c = await getJson('/api/compare?a=' + encodeURIComponent(a) + '&b=' + encodeURIComponent(b));
  const set = (id, text) => { document.getElementById(id).textContent = text; };
  set('compare-acc-a', pctCi(c.accuracyA, c.accuracyAInterval));
  set('compare-acc-b', pctCi(c.accuracyB, c.accuracyBInterval));
  set('compare-only-a', c.onlyA);
  set('compare-only-b', c.onlyB);
  set('compare-both-right', c.bothRight);
  set('compare-both-wrong', c.bothWrong);
  set('compare-pairs', c.pairs);
  set('compare-diff', points(c.differenceBMinusA) + ' pt ' + ci(c.differenceInterval, true));
  set('compare-p', pValue(c.mcNemarExactPValue));
  renderComparisonTypes(c.types || {});
  const verdict = document.getElementById('compare-verdict');
  const significant = c.verdict === 'A_BETTER' || c.verdict === 'B_BETTER';
  verdict.textContent = c.verdictText;
  verdict.className = significant ? 'verdict-sig' : 'muted';
}

// The same comparison per phrase type (types with shared phrases only), as `groundstream compare` prints it.
function renderComparisonTypes(types) {
  const body = document.querySelector('#compare-types tbody');
  const rows = [];
  for (const [type, t] of Object.entries(types)) {
    if (t.pairs === 0) continue;
    const row = el('tr', { 'data-type': type });
    for (const text of [type, t.pairs, t.bothRight, t.onlyA, t.onlyB, t.bothWrong,
      pctCi(t.accuracyA, t.accuracyAInterval), pctCi(t.accuracyB, t.accuracyBInterval),
      points(t.differenceBMinusA) + ' ' + ci(t.differenceInterval, true), pValue(t.mcNemarExactPValue)]) {
      row.appendChild(el('td', {}, String(text)));
    }
    row.title = t.verdictText;
    rows.push(row);
  }
  body.replaceChildren(...rows);
}

function renderSignals(signals) {
  const latest = new Map();
  for (const s of signals) {
    const key = seriesName(s);
    if (!latest.has(key) || latest.get(key).windowStart < s.windowStart) latest.set(key, s);
  }
  const body = document.querySelector('#signals-table tbody');
  body.replaceChildren(...[...latest.entries()].sort().map(([name, s]) => {
    const row = el('tr', { title: name });
    row.appendChild(el('td', {}, s.model));
    row.appendChild(el('td', {}, num(s.top1ScoreP50, 2)));
    row.appendChild(el('td', {}, num(s.top1ScoreP90, 2)));
    row.appendChild(el('td', {}, pct(s.noBoxShare)));
    row.appendChild(el('td', {}, num(s.latencyP50Ms, 1) + ' ms'));
    row.appendChild(el('td', {}, num(s.latencyP90Ms, 1) + ' ms'));
    return row;
  }));
}

function renderAlerts(alerts) {
  const list = document.getElementById('alerts');
  if (alerts.length === 0) return;
  list.replaceChildren(...alerts.map(a => {
    const item = el('li');
    item.appendChild(el('time', {}, hhmm(a.windowStart) + '–' + hhmm(a.windowEnd)));
    item.appendChild(el('span', { class: 'signal' }, a.signal));
    item.appendChild(el('span', {}, a.message));
    return item;
  }));
}

function renderLatest(evaluations) {
  const body = document.querySelector('#latest-table tbody');
  body.replaceChildren(...evaluations.map(e => {
    const evaluable = e.phrases.filter(p => p.evaluable);
    const hits = evaluable.filter(p => p.hitAt1).length;
    const model = e.model.name + ':' + e.model.version;
    const row = el('tr', { class: 'clickable', 'data-request-id': e.requestId, 'data-model': model, title: 'show the image' });
    row.appendChild(el('td', { title: e.requestId }, e.requestId.substring(0, 8)));
    row.appendChild(el('td', {}, model));
    row.appendChild(el('td', {}, e.dataset));
    row.appendChild(el('td', {}, hits + ' / ' + evaluable.length));
    row.addEventListener('click', () => openViewer(e.requestId, model));
    return row;
  }));
}

// Image viewer: the request's image with, per phrase (one colour each), the true boxes dashed and the
// model's top-1 box solid, labelled with the phrase and hit/miss, like the papers' figures.
const SVG_NS = 'http://www.w3.org/2000/svg';
const svgEl = (tag, attrs = {}, text) => {
  const node = document.createElementNS(SVG_NS, tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) node.textContent = text;
  return node;
};

async function openViewer(requestId, model) {
  const card = document.getElementById('viewer-card');
  card.hidden = false;
  document.getElementById('viewer-title').textContent = '(' + requestId.substring(0, 8) + ' · ' + model + ')';
  let data;
  try {
    data = await getJson('/api/evaluations/' + encodeURIComponent(requestId) + '/boxes');
  } catch (error) {
    document.getElementById('viewer-legend').replaceChildren(el('li', { class: 'muted' }, 'not available: ' + error.message));
    return;
  }
  const result = data.models.find(m => m.model === model) || { phrases: [] };
  const width = data.imageWidth || result.imageWidth || 640;
  const height = data.imageHeight || result.imageHeight || 480;
  const svg = document.getElementById('viewer-svg');
  svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  const stroke = Math.max(2, Math.round(Math.max(width, height) / 200));
  const font = Math.max(12, Math.round(Math.max(width, height) / 32));
  const shapes = [
    svgEl('rect', { x: 0, y: 0, width, height, fill: '#ddd' }),
    svgEl('image', { href: '/api/requests/' + encodeURIComponent(requestId) + '/image', x: 0, y: 0, width, height, preserveAspectRatio: 'none' }),
  ];
  const predicted = new Map(result.phrases.map(p => [p.phraseId, p]));
  const phraseIds = data.truth.length ? data.truth.map(t => t.phraseId) : result.phrases.map(p => p.phraseId);
  const legend = [];
  phraseIds.forEach((phraseId, i) => {
    const truth = data.truth.find(t => t.phraseId === phraseId) || { boxes: [] };
    const p = predicted.get(phraseId) || {};
    const c = color(i);
    const label = p.text || phraseId;
    for (const b of truth.boxes) {
      shapes.push(svgEl('rect', { class: 'box truth', 'data-phrase': phraseId, x: b.x1, y: b.y1, width: b.x2 - b.x1, height: b.y2 - b.y1,
        fill: 'none', stroke: c, 'stroke-width': stroke, 'stroke-dasharray': (3 * stroke) + ' ' + (2 * stroke) }));
    }
    if (p.top1) {
      const b = p.top1;
      shapes.push(svgEl('rect', { class: 'box predicted', 'data-phrase': phraseId, x: b.x1, y: b.y1, width: b.x2 - b.x1, height: b.y2 - b.y1,
        fill: 'none', stroke: c, 'stroke-width': stroke }));
      const verdict = p.hitAt1 === undefined ? '' : (p.hitAt1 ? ' ✓' : ' ✗');
      const tag = svgEl('text', { x: b.x1 + stroke, y: Math.max(font, b.y1 - stroke), fill: c, 'font-size': font,
        'font-weight': 'bold', stroke: 'white', 'stroke-width': stroke / 2, 'paint-order': 'stroke' }, label + verdict);
      shapes.push(tag);
    }
    const item = el('li', { 'data-phrase': phraseId });
    const swatch = el('span', { class: 'swatch' });
    swatch.style.background = c;
    item.appendChild(swatch);
    item.appendChild(el('span', {}, label));
    const hit = p.evaluable === false ? 'not evaluable' : p.hitAt1 === undefined ? 'not evaluated'
      : (p.hitAt1 ? 'hit' : 'miss') + ' (IoU ' + num(p.bestIou, 2) + ')';
    item.appendChild(el('span', { class: p.hitAt1 ? 'hit' : 'miss' }, hit));
    legend.push(item);
  });
  svg.replaceChildren(...shapes);
  document.getElementById('viewer-legend').replaceChildren(...legend);
  card.dataset.requestId = requestId;
}

document.getElementById('viewer-close').addEventListener('click', () => { document.getElementById('viewer-card').hidden = true; });
for (const id of ['compare-a', 'compare-b']) document.getElementById(id).addEventListener('change', refreshComparison);
connectStream();
