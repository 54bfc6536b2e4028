// Fits the weights of DUPLICATE_MODEL (apps/server/src/modules/dedupe/duplicate-score.util.ts) on the
// pairs of one evaluation run, so the shipped numbers can be re-derived rather than taken on trust:
//
//   DEDUPE_EVAL_DUMP=/tmp/dedupe-seed1.json npm run eval:dedupe -- --seed 1
//   node tools/dedupe-eval/fit.mjs /tmp/dedupe-seed1.json
//
// It recomputes each pair's text similarity with the current @ssp/text (the photo evidence in the dump
// is the expensive part and does not change with the text code), takes the parts from scoreDuplicate()
// of apps/server/dist, keeps the pairs its hard limits leave, and fits one L2-regularised logistic
// regression for pairs with two photos and one for pairs without (Newton's method). The age prior is
// not fitted (ticket age is uniform in the evaluation) and enters as a fixed offset. Then it prints the
// precision and recall of the fitted weights on the same pairs for a few thresholds. Fit on seed 1 only;
// the other seeds are the held-out check.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const requireServer = createRequire(path.join(ROOT, 'apps/server/dist/main.js'));
const { scoreDuplicate, DUPLICATE_MODEL } = requireServer('./modules/dedupe/duplicate-score.util');
const { textSimilarity } = requireServer('@ssp/text');

const L2 = 0.5;
const FEATURES = { withPhotos: ['photo', 'distance', 'text', 'category'], withoutPhotos: ['distance', 'text', 'category'] };

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

const file = process.argv[2];
if (!file) throw new Error('usage: node tools/dedupe-eval/fit.mjs DUMP.json (written by DEDUPE_EVAL_DUMP=… npm run eval:dedupe)');
const rows = JSON.parse(readFileSync(file, 'utf8')).map((row) => {
  const input = { ...row.input, textSimilarity: textSimilarity(row.texts[0], row.texts[1]) };
  return { ...row, input, parts: scoreDuplicate(input).parts, possible: scoreDuplicate({ ...input, photoSimilarity: 1, textSimilarity: 1 }).duplicate };
});
const usable = rows.filter((row) => row.possible);
const fitted = {};
for (const [model, names] of Object.entries(FEATURES)) {
  const subset = usable.filter((row) => (row.parts.photo !== null) === (model === 'withPhotos'));
  const offsets = subset.map((row) => DUPLICATE_MODEL.agePrior * (row.parts.age - 0.5));
  const w = fitLogistic(subset.map((row) => names.map((name) => row.parts[name])), subset.map((row) => (row.duplicate ? 1 : 0)), offsets);
  fitted[model] = Object.fromEntries([['bias', w[0]], ...names.map((name, k) => [name, w[k + 1]])].map(([k, v]) => [k, Number(v.toFixed(2))]));
  console.log(`${model}: ${subset.length} pairs (${subset.filter((r) => r.duplicate).length} duplicates) → ${JSON.stringify(fitted[model])}`);
}
const scoreOf = (row) => {
  const model = row.parts.photo === null ? 'withoutPhotos' : 'withPhotos';
  const w = fitted[model];
  const z = w.bias + FEATURES[model].reduce((sum, name) => sum + w[name] * row.parts[name], 0) + DUPLICATE_MODEL.agePrior * (row.parts.age - 0.5);
  return 1 / (1 + Math.exp(-z));
};
console.log('threshold  precision  recall  FP  FN   (on the fitted pairs)');
let chosen = null;
for (let step = 10; step <= 18; step++) {
  const threshold = step / 20;
  let tp = 0, fp = 0, fn = 0;
  for (const row of rows) {
    const predicted = row.possible && scoreOf(row) >= threshold;
    if (row.duplicate) predicted ? tp++ : fn++;
    else if (predicted) fp++;
  }
  const precision = tp / Math.max(1, tp + fp);
  if (chosen === null && precision >= 0.95) chosen = threshold;
  console.log(`${threshold.toFixed(2).padEnd(9)}  ${precision.toFixed(3)}      ${(tp / (tp + fn)).toFixed(3)}  ${String(fp).padStart(2)}  ${String(fn).padStart(2)}`);
}
console.log(`lowest threshold (highest recall) with precision ≥ 0.95 on these pairs: ${chosen ?? 'none'}`);
