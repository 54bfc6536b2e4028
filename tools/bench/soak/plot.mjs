// The soak's HTML page: latency (p50 and p99 of reads and submits per second), errors and the server's RSS
// over the run as inline SVG, and the per-endpoint table with its histogram. No scripts, no downloads.
import { percentile } from '../lib/measure.mjs';

const WIDTH = 900;
const HEIGHT = 220;
const PAD = { left: 56, right: 16, top: 16, bottom: 28 };
const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** One line chart: `series` of [x, y] points with a colour and a label, y from 0 to the highest value. */
function chart(title, unit, series, guides = []) {
  const xs = series.flatMap((line) => line.points.map(([x]) => x));
  const ys = [...series.flatMap((line) => line.points.map(([, y]) => y)), ...guides.map((guide) => guide.y)].filter(Number.isFinite);
  const maxX = Math.max(1, ...xs);
  const maxY = Math.max(1, ...ys) * 1.1;
  const x = (value) => PAD.left + (value / maxX) * (WIDTH - PAD.left - PAD.right);
  const y = (value) => HEIGHT - PAD.bottom - (value / maxY) * (HEIGHT - PAD.top - PAD.bottom);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * maxY);
  const paths = series
    .map((line) => {
      const d = line.points.filter(([, v]) => Number.isFinite(v)).map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${x(px).toFixed(1)},${y(py).toFixed(1)}`).join('');
      return `<path d="${d}" fill="none" stroke="${line.colour}" stroke-width="1.5"/>`;
    })
    .join('');
  const guideLines = guides
    .map((guide) => `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(guide.y)}" y2="${y(guide.y)}" stroke="${guide.colour}" stroke-dasharray="4 4"/><text x="${WIDTH - PAD.right - 4}" y="${y(guide.y) - 4}" text-anchor="end" font-size="11" fill="${guide.colour}">${escape(guide.label)}</text>`)
    .join('');
  const axis = ticks
    .map((t) => `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(t)}" y2="${y(t)}" stroke="#eee"/><text x="${PAD.left - 6}" y="${y(t) + 4}" text-anchor="end" font-size="11">${t.toFixed(t < 10 ? 1 : 0)}</text>`)
    .join('');
  const minutes = Array.from({ length: Math.floor(maxX / 60) + 1 }, (_, m) => m * 60)
    .filter((_, m, all) => all.length <= 20 || m % 5 === 0)
    .map((s) => `<text x="${x(s)}" y="${HEIGHT - 8}" text-anchor="middle" font-size="11">${s / 60} min</text>`)
    .join('');
  const legend = series.map((line, i) => `<tspan fill="${line.colour}" dx="${i === 0 ? 0 : 14}">■ ${escape(line.label)}</tspan>`).join('');
  return `<h2>${escape(title)}</h2><svg width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif">${axis}${guideLines}${paths}${minutes}<text x="${PAD.left}" y="12" font-size="12">${legend} (${escape(unit)})</text></svg>`;
}

/** @param {{ title: string, timeline: Array<{ at: number, read: number[], submit: number[], errors: number, rssMb: number }>, endpoints: any[] }} run */
export function plotPage({ title, timeline, endpoints }) {
  const per = (kind, p) => timeline.map((s) => [s.at, s[kind].length > 0 ? percentile([...s[kind]].sort((a, b) => a - b), p) : NaN]);
  const latency = chart('Latency per second', 'ms', [
    { label: 'reads p50', colour: '#7aa7d8', points: per('read', 50) },
    { label: 'reads p99', colour: '#1f5fa8', points: per('read', 99) },
    { label: 'submits p50', colour: '#e8a47a', points: per('submit', 50) },
    { label: 'submits p99', colour: '#b3541e', points: per('submit', 99) },
  ], [
    { y: 100, label: 'read target 100 ms', colour: '#1f5fa8' },
    { y: 150, label: 'submit target 150 ms', colour: '#b3541e' },
  ]);
  const rss = chart('Server RSS', 'MB', [{ label: 'RSS', colour: '#2e7d32', points: timeline.map((s) => [s.at, s.rssMb]) }]);
  const errors = chart('Errors per second', 'count', [{ label: 'errors', colour: '#c62828', points: timeline.map((s) => [s.at, s.errors]) }]);
  const rows = endpoints
    .map((e) => `<tr><td>${escape(e.name)}</td><td>${e.kind}</td><td>${e.count}</td><td>${e.errors}</td><td>${e.p50.toFixed(1)}</td><td>${e.p90.toFixed(1)}</td><td>${e.p99.toFixed(1)}</td><td>${Number.isFinite(e.max) ? e.max.toFixed(0) : ''}</td><td>${e.histogram.join(' · ')}</td></tr>`)
    .join('');
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${escape(title)}</title>
<body style="font-family:sans-serif;margin:24px"><h1>${escape(title)}</h1>${latency}${rss}${errors}
<h2>Endpoints</h2><table border="1" cellpadding="4" style="border-collapse:collapse;font-size:13px">
<tr><th>endpoint</th><th>kind</th><th>answers</th><th>errors</th><th>p50 ms</th><th>p90 ms</th><th>p99 ms</th><th>max ms</th><th>histogram ≤5 · ≤10 · ≤20 · ≤50 · ≤100 · ≤150 · ≤200 · ≤500 · ≤1000 · >1000 ms</th></tr>${rows}</table></body></html>`;
}
