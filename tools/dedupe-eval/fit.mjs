// Fits the weights of DUPLICATE_MODEL (apps/server/src/modules/dedupe/duplicate-score.util.ts) on the
// pairs of one evaluation run, so the shipped numbers can be re-derived rather than taken on trust:
//
//   for s in 1 7 8 9 10; do DEDUPE_EVAL_DUMP=/tmp/dedupe-seed$s.json npm run eval:dedupe -- --seed $s; done
//   node tools/dedupe-eval/fit.mjs /tmp/dedupe-seed{1,7,8,9,10}.json
//
// It recomputes each pair's text similarity with the current @ssp/text (the photo evidence in the dump
// is the expensive part and does not change with the text code), takes the parts from scoreDuplicate()
// of apps/server/dist, keeps the pairs its hard limits leave, and fits one L2-regularised logistic
// regression for pairs with two photos and one for pairs without (Newton's method), pooled over all the
// dumps given. The age prior is not fitted (ticket age is uniform in the evaluation) and enters as a fixed
// offset. Then it chooses the two thresholds together: the pair (with photos, without) with the highest
// recall whose OVERALL precision on the pooled pairs is at least MIN_PRECISION (the target 0.95 plus a
// margin), and prints precision and recall per dump at that choice. Fit on seeds 1 and 7–10; seeds 2–6 are
// the held-out check and must never be given to this script.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const requireServer = createRequire(path.join(ROOT, 'apps/server/dist/main.js'));
const { scoreDuplicate, DUPLICATE_MODEL } = requireServer('./modules/dedupe/duplicate-score.util');
/** The held-out seeds: their dumps are refused (the file name carries the seed, as in the usage above). */
const HELD_OUT = /seed([2-6])\.json$/;
const { textSimilarity } = requireServer('@ssp/text');

const L2 = 0.5;
const FEATURES = { withPhotos: ['photo', 'distance', 'text', 'category'], withoutPhotos: ['distance', 'text', 'category'] };
/** Target precision 0.95 plus a margin for seeds the fit has not seen. */
const MIN_PRECISION = 0.96;
/** Thresholds tried for each model (steps of 0.01). */
const THRESHOLDS = Array.from({ length: 91 }, (_, i) => Number((0.05 + i * 0.01).toFixed(2)));

function fitLogistic(xs, ys, offsets) {
  const d = xs[0].length + 1;
  let w = new Array(d).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = new Array(d).fill(0);
    const hessian = Array.from({ length: d }, () => new Array(d).fill(0));
    xs.forEach((x, i) => {
      const row = [1, ...x];
      const z = offsets[i] + row.reduce((sum, v, k) => sum + v * w[k], 0);
      const p = 1 / (1 + Math.exp(-z));
      for (let a = 0; a < d; a++) {
        gradient[a] += (p - ys[i]) * row[a];
        for (let b = 0; b < d; b++) hessian[a][b] += p * (1 - p) * row[a] * row[b];
      }
    });
    for (let a = 1; a < d; a++) {
      gradient[a] += L2 * w[a];
      hessian[a][a] += L2;
    }
    const step = solve(hessian, gradient);
    w = w.map((v, k) => v - step[k]);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return w;
}

/** Gaussian elimination with partial pivoting (the systems are 4×4 or 5×5). */
function solve(matrix, vector) {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      for (let c = col; c <= n; c++) a[r][c] -= f * a[col][c];
    }
  }
  return a.map((row, i) => row[n] / row[i]);
}

const files = process.argv.slice(2);
if (files.length === 0) throw new Error('usage: node tools/dedupe-eval/fit.mjs DUMP.json… (written by DEDUPE_EVAL_DUMP=… npm run eval:dedupe)');
for (const file of files) if (HELD_OUT.test(file)) throw new Error(`${file}: seeds 2–6 are held out and never fitted on`);
const rows = files.flatMap((file) =>
  JSON.parse(readFileSync(file, 'utf8')).map((row) => {
    const input = { ...row.input, textSimilarity: textSimilarity(row.texts[0], row.texts[1]) };
    return { ...row, file, input, parts: scoreDuplicate(input).parts, possible: scoreDuplicate({ ...input, photoSimilarity: 1, textSimilarity: 1 }).duplicate };
  }),
);
const usable = rows.filter((row) => row.possible);
const fitted = {};
for (const [model, names] of Object.entries(FEATURES)) {
  const subset = usable.filter((row) => (row.parts.photo !== null) === (model === 'withPhotos'));
  const offsets = subset.map((row) => DUPLICATE_MODEL.agePrior * (row.parts.age - 0.5));
  const w = fitLogistic(subset.map((row) => names.map((name) => row.parts[name])), subset.map((row) => (row.duplicate ? 1 : 0)), offsets);
  fitted[model] = Object.fromEntries([['bias', w[0]], ...names.map((name, k) => [name, w[k + 1]])].map(([k, v]) => [k, Number(v.toFixed(2))]));
  console.log(`${model}: ${subset.length} pairs (${subset.filter((r) => r.duplicate).length} duplicates) → ${JSON.stringify(fitted[model])}`);
}
const modelOf = (row) => (row.parts.photo === null ? 'withoutPhotos' : 'withPhotos');
for (const row of rows) {
  const model = modelOf(row);
  const w = fitted[model];
  const z = w.bias + FEATURES[model].reduce((sum, name) => sum + w[name] * row.parts[name], 0) + DUPLICATE_MODEL.agePrior * (row.parts.age - 0.5);
  row.fittedScore = 1 / (1 + Math.exp(-z));
}
function counts(subset, thresholds) {
  let tp = 0, fp = 0, fn = 0;
  for (const row of subset) {
    const predicted = row.possible && row.fittedScore >= thresholds[modelOf(row)];
    if (row.duplicate) predicted ? tp++ : fn++;
    else if (predicted) fp++;
  }
  return { tp, fp, fn, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) };
}
let chosen = null;
for (const withPhotos of THRESHOLDS) {
  for (const withoutPhotos of THRESHOLDS) {
    const m = counts(rows, { withPhotos, withoutPhotos });
    if (m.precision >= MIN_PRECISION && (chosen === null || m.recall > chosen.recall || (m.recall === chosen.recall && m.precision > chosen.precision))) {
      chosen = { withPhotos, withoutPhotos, ...m };
    }
  }
}
if (chosen === null) throw new Error(`no pair of thresholds reaches precision ${MIN_PRECISION} on these pairs`);
console.log(`thresholds with the highest recall at overall precision ≥ ${MIN_PRECISION}: with photos ${chosen.withPhotos}, without ${chosen.withoutPhotos}`);
console.log(`  pooled: precision ${chosen.precision.toFixed(3)} · recall ${chosen.recall.toFixed(3)} · FP ${chosen.fp} · FN ${chosen.fn}`);
// For comparison: one threshold for both models (both are fitted probabilities, so one cut is nearly as good).
const single = THRESHOLDS.map((t) => ({ t, ...counts(rows, { withPhotos: t, withoutPhotos: t }) })).filter((m) => m.precision >= MIN_PRECISION).sort((a, b) => b.recall - a.recall)[0];
if (single) console.log(`  (one threshold for both: ${single.t}, precision ${single.precision.toFixed(3)} · recall ${single.recall.toFixed(3)})`);
console.log('  per dump (precision / recall; share of duplicates merged with both photos, without):');
for (const file of files) {
  const subset = rows.filter((row) => row.file === file);
  const m = counts(subset, chosen);
  const merged = (hasPhotos) => {
    const dups = subset.filter((row) => row.duplicate && (row.parts.photo !== null) === hasPhotos);
    return (100 * counts(dups, chosen).tp) / Math.max(1, dups.length);
  };
  console.log(`  ${path.basename(file).padEnd(22)} ${m.precision.toFixed(3)} / ${m.recall.toFixed(3)}  (${merged(true).toFixed(1)} %, ${merged(false).toFixed(1)} %)`);
}
console.log('  without photos, other thresholds (with photos fixed):');
for (const withoutPhotos of THRESHOLDS.filter((t) => Math.abs(t - chosen.withoutPhotos) <= 0.101 && Math.round(t * 100) % 2 === 0)) {
  const m = counts(rows, { withPhotos: chosen.withPhotos, withoutPhotos });
  console.log(`    ${withoutPhotos.toFixed(2)}  precision ${m.precision.toFixed(3)} · recall ${m.recall.toFixed(3)}`);
}
