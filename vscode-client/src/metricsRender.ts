/**
 * HTML of the metrics webview, drawn as inline SVG from the `gptoss/metrics` answer. The shape of
 * that answer is not fixed yet, so every field is checked and whatever is missing is left out.
 */

export type MetricsPage =
  | { kind: 'loading' }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'error'; message: string }
  | { kind: 'data'; metrics: unknown; timeRange: string };

interface Bucket {
  leMs: number;
  count: number;
}

interface Point {
  t: number;
  rate: number;
}

const WIDTH = 520;
const HEIGHT = 150;
const PAD = { left: 44, right: 10, top: 10, bottom: 28 };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function fmt(value: number, digits = 0): string {
  return value.toFixed(digits);
}

function percent(rate: number): string {
  return `${fmt(rate * 100, rate < 0.1 ? 1 : 0)}%`;
}

function buckets(value: unknown): Bucket[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((b) => {
    const leMs = isRecord(b) ? num(b.leMs) ?? (b.leMs === '+Inf' || b.leMs === null ? Infinity : undefined) : undefined;
    const count = isRecord(b) ? num(b.count) : undefined;
    return leMs !== undefined && count !== undefined ? [{ leMs, count }] : [];
  });
}

/** Epoch seconds or milliseconds, or an ISO date. */
function timeOf(value: unknown): number | undefined {
  const n = num(value);
  if (n !== undefined) return n < 1e11 ? n * 1000 : n;
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}

function errorSeries(value: unknown): Point[] {
  if (!Array.isArray(value)) return [];
  return value
    .flatMap((p) => {
      if (!isRecord(p)) return [];
      const t = timeOf(p.t);
      const errors = num(p.errors);
      const count = num(p.count);
      if (t === undefined || errors === undefined || count === undefined) return [];
      return [{ t, rate: count > 0 ? errors / count : 0 }];
    })
    .sort((a, b) => a.t - b.t);
}

function clock(t: number): string {
  const d = new Date(t);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function bucketLabel(leMs: number): string {
  if (leMs === Infinity) return '∞';
  return leMs >= 1000 ? `${fmt(leMs / 1000, leMs % 1000 === 0 ? 0 : 1)}s` : `${fmt(leMs)}`;
}

/** Latency histogram: one bar per bucket, labelled with its upper bound in ms. */
export function histogramSvg(title: string, value: unknown): string {
  const data = buckets(value);
  if (data.length === 0) return '';
  const max = Math.max(1, ...data.map((b) => b.count));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / data.length;
  const bars = data
    .map((b, i) => {
      const h = (b.count / max) * plotH;
      const x = PAD.left + i * slot + slot * 0.1;
      const y = PAD.top + plotH - h;
      return (
        `<rect class="bar" x="${fmt(x, 1)}" y="${fmt(y, 1)}" width="${fmt(slot * 0.8, 1)}" height="${fmt(h, 1)}">` +
        `<title>≤ ${escapeHtml(bucketLabel(b.leMs))} ms: ${b.count}</title></rect>` +
        `<text class="tick" x="${fmt(x + slot * 0.4, 1)}" y="${HEIGHT - PAD.bottom + 14}" text-anchor="middle">${escapeHtml(bucketLabel(b.leMs))}</text>`
      );
    })
    .join('');
  return (
    `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}">` +
    axes(`${max}`, '0') +
    bars +
    `<text class="tick" x="${WIDTH - PAD.right}" y="${HEIGHT - 2}" text-anchor="end">latency ≤ ms</text>` +
    `</svg>`
  );
}

function axes(topLabel: string, bottomLabel: string): string {
  const bottom = HEIGHT - PAD.bottom;
  return (
    `<line class="axis" x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${bottom}"/>` +
    `<line class="axis" x1="${PAD.left}" y1="${bottom}" x2="${WIDTH - PAD.right}" y2="${bottom}"/>` +
    `<text class="tick" x="${PAD.left - 4}" y="${PAD.top + 8}" text-anchor="end">${escapeHtml(topLabel)}</text>` +
    `<text class="tick" x="${PAD.left - 4}" y="${bottom}" text-anchor="end">${escapeHtml(bottomLabel)}</text>`
  );
}

/** Error rate over time, one line per component. */
export function errorRateSvg(series: { name: string; points: Point[] }[]): string {
  const withData = series.filter((s) => s.points.length > 0);
  if (withData.length === 0) return '';
  const all = withData.flatMap((s) => s.points);
  const t0 = Math.min(...all.map((p) => p.t));
  const t1 = Math.max(...all.map((p) => p.t));
  const maxRate = Math.max(0.01, ...all.map((p) => p.rate));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (t: number) => PAD.left + (t1 === t0 ? plotW / 2 : ((t - t0) / (t1 - t0)) * plotW);
  const y = (rate: number) => PAD.top + plotH - (rate / maxRate) * plotH;
  const lines = withData
    .map((s, i) => {
      const points = s.points.map((p) => `${fmt(x(p.t), 1)},${fmt(y(p.rate), 1)}`).join(' ');
      const dots = s.points
        .map((p) => `<circle class="dot series${i % 6}" cx="${fmt(x(p.t), 1)}" cy="${fmt(y(p.rate), 1)}" r="2"><title>${escapeHtml(s.name)} ${clock(p.t)}: ${percent(p.rate)}</title></circle>`)
        .join('');
      return `<polyline class="line series${i % 6}" points="${points}"/>${dots}`;
    })
    .join('');
  const legend = withData
    .map((s, i) => `<span class="legend series${i % 6}">■</span> ${escapeHtml(s.name)}`)
    .join(' &nbsp; ');
  return (
    `<svg class="chart" role="img" aria-label="error rate over time" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}">` +
    axes(percent(maxRate), '0%') +
    lines +
    `<text class="tick" x="${PAD.left}" y="${HEIGHT - 8}" text-anchor="start">${clock(t0)}</text>` +
    `<text class="tick" x="${WIDTH - PAD.right}" y="${HEIGHT - 8}" text-anchor="end">${clock(t1)}</text>` +
    `</svg><div class="legendRow">${legend}</div>`
  );
}

/** Cache hit rate per layer as horizontal bars. */
export function cacheSvg(caches: unknown): string {
  if (!isRecord(caches)) return '';
  const rows = Object.entries(caches).flatMap(([layer, c]) => {
    if (!isRecord(c)) return [];
    const hits = num(c.hits);
    const misses = num(c.misses);
    const rate = num(c.hitRate) ?? (hits !== undefined && misses !== undefined && hits + misses > 0 ? hits / (hits + misses) : undefined);
    return rate === undefined ? [] : [{ layer, rate: Math.min(1, Math.max(0, rate)), hits, misses }];
  });
  if (rows.length === 0) return '';
  const rowH = 24;
  const labelW = 140;
  const barW = WIDTH - labelW - 60;
  const height = rows.length * rowH + 8;
  const body = rows
    .map((r, i) => {
      const y = 4 + i * rowH;
      const counts = r.hits !== undefined && r.misses !== undefined ? ` (${r.hits} hits, ${r.misses} misses)` : '';
      return (
        `<text class="label" x="${labelW - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(r.layer)}</text>` +
        `<rect class="track" x="${labelW}" y="${y + 3}" width="${barW}" height="${rowH - 8}"/>` +
        `<rect class="bar" x="${labelW}" y="${y + 3}" width="${fmt(r.rate * barW, 1)}" height="${rowH - 8}"><title>${escapeHtml(r.layer)}: ${percent(r.rate)}${escapeHtml(counts)}</title></rect>` +
        `<text class="label" x="${labelW + barW + 6}" y="${y + 15}">${percent(r.rate)}</text>`
      );
    })
    .join('');
  return `<svg class="chart" role="img" aria-label="cache hit rates" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">${body}</svg>`;
}

function componentSummary(c: Record<string, unknown>): string {
  const parts: string[] = [];
  const count = num(c.count);
  const errorRate = num(c.errorRate);
  if (count !== undefined) parts.push(`${count} requests`);
  if (errorRate !== undefined) parts.push(`${percent(errorRate)} errors`);
  for (const key of ['p50Ms', 'p95Ms', 'p99Ms']) {
    const v = num(c[key]);
    if (v !== undefined) parts.push(`${key.slice(0, 3)} ${fmt(v)} ms`);
  }
  return escapeHtml(parts.join(' · '));
}

function dataBody(metrics: unknown, timeRange: string): string {
  if (!isRecord(metrics)) {
    return `<p>The server sent no metrics.</p>`;
  }
  const sections: string[] = [];
  const components = isRecord(metrics.components) ? Object.entries(metrics.components).filter(([, c]) => isRecord(c)) : [];
  if (components.length > 0) {
    sections.push(`<h2>Latency by model and tier</h2>`);
    for (const [name, c] of components as [string, Record<string, unknown>][]) {
      sections.push(`<section><h3>${escapeHtml(name)}</h3><p class="summary">${componentSummary(c)}</p>${histogramSvg(`latency histogram of ${name}`, c.histogram)}</section>`);
    }
    const errors = errorRateSvg((components as [string, Record<string, unknown>][]).map(([name, c]) => ({ name, points: errorSeries(c.series) })));
    if (errors) sections.push(`<h2>Error rate over time</h2>${errors}`);
  }
  const caches = cacheSvg(metrics.caches);
  if (caches) sections.push(`<h2>Cache hit rate by layer</h2>${caches}`);
  if (sections.length === 0) {
    sections.push(`<p>No metrics recorded in the last ${escapeHtml(timeRange)}.</p>`);
  }
  sections.push(`<details><summary>Raw answer</summary><pre>${escapeHtml(JSON.stringify(metrics, null, 2))}</pre></details>`);
  return sections.join('\n');
}

function pageBody(page: MetricsPage): string {
  switch (page.kind) {
    case 'loading':
      return `<p>Loading…</p>`;
    case 'unavailable':
      return `<p class="notice">Metrics are not available yet: ${escapeHtml(page.reason)}</p>`;
    case 'error':
      return `<p class="notice">Could not get metrics: ${escapeHtml(page.message)}</p>`;
    case 'data':
      return dataBody(page.metrics, page.timeRange);
  }
}

/** A whole page: no network, styles and the one script allowed by nonce only. */
export function metricsHtml(page: MetricsPage, nonce: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>gpt-oss metrics</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 16px; }
.chart { display: block; margin: 4px 0 12px; }
.axis { stroke: var(--vscode-foreground); stroke-opacity: 0.4; }
.tick, .label { fill: var(--vscode-descriptionForeground); font-size: 10px; }
.label { font-size: 12px; }
.bar { fill: var(--vscode-charts-blue, #3794ff); }
.track { fill: var(--vscode-editorWidget-background, #8882); }
.line { fill: none; stroke-width: 2; }
.series0 { stroke: var(--vscode-charts-red, #f14c4c); fill: var(--vscode-charts-red, #f14c4c); color: var(--vscode-charts-red, #f14c4c); }
.series1 { stroke: var(--vscode-charts-orange, #d18616); fill: var(--vscode-charts-orange, #d18616); color: var(--vscode-charts-orange, #d18616); }
.series2 { stroke: var(--vscode-charts-green, #89d185); fill: var(--vscode-charts-green, #89d185); color: var(--vscode-charts-green, #89d185); }
.series3 { stroke: var(--vscode-charts-purple, #b180d7); fill: var(--vscode-charts-purple, #b180d7); color: var(--vscode-charts-purple, #b180d7); }
.series4 { stroke: var(--vscode-charts-yellow, #cca700); fill: var(--vscode-charts-yellow, #cca700); color: var(--vscode-charts-yellow, #cca700); }
.series5 { stroke: var(--vscode-charts-blue, #3794ff); fill: var(--vscode-charts-blue, #3794ff); color: var(--vscode-charts-blue, #3794ff); }
polyline.line { fill: none; }
.summary { color: var(--vscode-descriptionForeground); }
.notice { padding: 8px; border-left: 3px solid var(--vscode-editorWarning-foreground, #cca700); }
pre { font-family: var(--vscode-editor-font-family); font-size: 12px; }
</style>
</head>
<body>
<h1>gpt-oss metrics <button id="refresh">Refresh</button></h1>
${pageBody(page)}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.getElementById('refresh').addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
</script>
</body>
</html>`;
}
