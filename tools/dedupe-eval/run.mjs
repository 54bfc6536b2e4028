// Duplicate-detection evaluation (issue 4, "Duplicates"): builds a labelled set of report pairs with
// realistic variation, computes each pair's score with the server's own code (photo pipeline dHash,
// libs/text similarity, scoreDuplicate from apps/server/dist) and prints precision, recall, F1, the
// confusion counts, score distributions and a verdict. Deterministic for a given --seed.
//
//   npm run eval:dedupe -- [--pairs 600] [--seed 1] [--concurrency 2]
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { PAIR_KINDS, buildPairs, facetsAgree, prng } from './pairs.mjs';
import { photograph, renderScene } from './scenes.mjs';
import { PROBLEMS } from './problems.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER_MAIN = path.join(ROOT, 'apps/server/dist/main.js');
const TARGET = { precision: 0.95, recall: 0.9 };

function parseArgs(argv, defaults) {
  const options = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match || !(match[1] in defaults)) throw new Error(`unknown argument ${argv[i]} (options: ${Object.keys(defaults).join(', ')})`);
    const raw = match[2] ?? argv[++i];
    options[match[1]] = Number(raw);
    if (!Number.isFinite(options[match[1]])) throw new Error(`--${match[1]} must be a number`);
  }
  return options;
}

const options = parseArgs(process.argv.slice(2), { pairs: 600, seed: 1, concurrency: Math.max(1, availableParallelism()) });
if (options.pairs < 500) console.warn(`note: --pairs ${options.pairs} is below the 500 pairs issue 4 asks for`);

if (!existsSync(path.join(ROOT, 'apps/server/dist/modules/dedupe/duplicate-score.util.js'))) {
  console.log('apps/server/dist has no dedupe code: building the server (npx nx run server:build)…');
  execSync('npx nx run server:build', { cwd: ROOT, stdio: 'inherit' });
}
const requireServer = createRequire(SERVER_MAIN);
const { scoreDuplicate, DUPLICATE_THRESHOLDS, GPS_MARGIN_METRES } = requireServer('./modules/dedupe/duplicate-score.util');
const { photoEvidenceOf } = requireServer('./modules/dedupe/photo-evidence.util');
const { processPhoto } = requireServer('./modules/photos/photo-pipeline.util');
const { hammingDistance } = requireServer('./modules/photos/photo-hash.util');
const { CATEGORIES } = requireServer('./core/database/seeds/data/categories.data');
const { textSimilarity } = requireServer('@ssp/text');
const { haversineMetres } = requireServer('@ssp/geo');

/** Seeded 小类 with their 大类 and merge radius, as the server seeds them. */
const LEAVES = CATEGORIES.flatMap((top) => top.children.map((child) => ({ code: child.code, parentCode: top.code, radius: child.dedupeRadiusMetres })));
const LEAF = new Map(LEAVES.map((leaf) => [leaf.code, leaf]));
const DEFAULT_RADIUS = 50;
for (const problem of PROBLEMS) if (!LEAF.has(problem.category)) throw new Error(`problem ${problem.id}: no seeded category ${problem.category}`);

function relationOf(reportCode, ticketCode) {
  if (reportCode === null || ticketCode === null) return 'unknown';
  if (reportCode === ticketCode) return 'same';
  return LEAF.get(reportCode).parentCode === LEAF.get(ticketCode).parentCode ? 'parent' : 'unrelated';
}

/** Runs `work` over `items` with at most `limit` in flight, keeping order. */
async function mapLimited(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i], i);
      }
    }),
  );
  return results;
}

/**
 * The report's photo: another resident, another phone. Relative to the first photo: 5–15 % cropped
 * (the view shifted anywhere the crop allows), tilted ±5°, ±20 % brightness, another size and JPEG quality.
 */
const RESHOOT = (random, first) => {
  const cropShare = 0.05 + random() * 0.1;
  return {
    cropShare,
    shiftX: first.shiftX + (random() - 0.5) * cropShare,
    shiftY: first.shiftY + (random() - 0.5) * cropShare,
    rotateDegrees: first.rotateDegrees + (random() * 2 - 1) * 5,
    brightness: first.brightness * (0.8 + random() * 0.4),
    width: 600 + Math.floor(random() * 600),
    quality: 55 + Math.floor(random() * 41),
  };
};
/** The first report's photo: the scene's central view, casually framed. */
const FIRST_SHOT = (random) => ({
  cropShare: 0,
  shiftX: (random() - 0.5) * 0.04,
  shiftY: (random() - 0.5) * 0.04,
  rotateDegrees: (random() * 2 - 1) * 1.5,
  brightness: 0.9 + random() * 0.2,
  width: 800 + Math.floor(random() * 400),
  quality: 75 + Math.floor(random() * 18),
});

const pct = (x) => `${(100 * x).toFixed(1)} %`;
const f3 = (x) => x.toFixed(3);

function metrics(rows, predict) {
  let tp = 0, fp = 0, tn = 0, fn = 0;
  for (const row of rows) {
    const predicted = predict(row);
    if (row.pair.duplicate) predicted ? tp++ : fn++;
    else predicted ? fp++ : tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, tn, fn, precision, recall, f1 };
}

function histogram(values, bins, low, high) {
  const counts = new Array(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.max(0, Math.floor(((v - low) / (high - low)) * bins)))]++;
  return counts;
}

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `  ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')}`;
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

function quantiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
  return [at(0), at(0.1), at(0.5), at(0.9), sorted[sorted.length - 1]];
}

async function main() {
  const t0 = performance.now();
  console.log(`Dedupe evaluation · ${options.pairs} pairs · seed ${options.seed} · server code from apps/server/dist · ${availableParallelism()} cores (shared with other work)`);
  console.log(`thresholds ${DUPLICATE_THRESHOLDS.withPhotos} with two photos, ${DUPLICATE_THRESHOLDS.withoutPhotos} without · GPS margin ${GPS_MARGIN_METRES} m · ${PROBLEMS.length} problem types in ${new Set(PROBLEMS.map((p) => p.category)).size} categories`);
  const pairs = buildPairs({ count: options.pairs, seed: options.seed, categories: LEAVES });

  // Photos: render each scene once, photograph it as each side's resident would, hash with the server pipeline.
  const scenes = new Map();
  const sceneOf = (scene) => {
    if (!scenes.has(scene.seed)) scenes.set(scene.seed, renderScene(scene.template, prng(scene.seed)));
    return scenes.get(scene.seed);
  };
  const hash = async (photo) => {
    const { phash, fingerprint } = await processPhoto(photo, { maxPixels: 50_000_000 });
    return { phash, fingerprint };
  };
  /** The first photo of a scene is framed by `random` alone; a re-shoot of the same scene starts from that framing. */
  const hashesOf = async (pair) => {
    const random = prng(options.seed * 7919 + pair.index);
    const ticketShot = FIRST_SHOT(random);
    const reportFirstShot = pair.report.scene === pair.ticket.scene ? ticketShot : FIRST_SHOT(random);
    const reportShot = RESHOOT(random, reportFirstShot);
    const ticket = pair.ticket.scene ? [await hash(await photograph(await sceneOf(pair.ticket.scene), ticketShot))] : [];
    const report = pair.report.scene ? [await hash(await photograph(await sceneOf(pair.report.scene), reportShot))] : [];
    return { ticket, report };
  };
  let done = 0;
  const rows = await mapLimited(pairs, options.concurrency, async (pair) => {
    const { ticket: ticketPhotos, report: reportPhotos } = await hashesOf(pair);
    if (pair.ticket.scene) scenes.delete(pair.ticket.scene.seed);
    if (pair.report.scene) scenes.delete(pair.report.scene.seed);
    const distanceMetres = haversineMetres(pair.ticket.point, pair.report.point);
    const radiusMetres = pair.report.categoryCode === null ? DEFAULT_RADIUS : LEAF.get(pair.report.categoryCode).radius;
    const input = {
      distanceMetres,
      radiusMetres,
      category: relationOf(pair.report.categoryCode, pair.ticket.categoryCode),
      photoSimilarity: photoEvidenceOf(reportPhotos)(ticketPhotos),
      textSimilarity: textSimilarity(pair.report.description, pair.ticket.description),
      ageDays: pair.ageDays,
      windowDays: 7,
    };
    done++;
    if (done % 100 === 0) process.stdout.write(`  ${done}/${pairs.length} pairs hashed and scored (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
    const dhashBits = reportPhotos.length && ticketPhotos.length ? hammingDistance(reportPhotos[0].phash, ticketPhotos[0].phash) : null;
    return { pair, input, dhashBits, photos: { report: reportPhotos, ticket: ticketPhotos }, result: scoreDuplicate(input) };
  });

  const photoSides = (row) => (row.input.photoSimilarity !== null ? 'both photos' : row.pair.ticket.scene || row.pair.report.scene ? 'one side without photo' : 'no photos');
  /** The two texts could describe one observation: the same problem type, no conflicting detail (pairs.mjs). */
  const sameObservation = (row) => row.pair.report.problem === row.pair.ticket.problem && facetsAgree(row.pair.report.facet, row.pair.ticket.facet);
  if (process.env.DEDUPE_EVAL_DUMP) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(process.env.DEDUPE_EVAL_DUMP, JSON.stringify(rows.map((r) => ({ kind: r.pair.kind, duplicate: r.pair.duplicate, sameProblem: r.pair.report.problem === r.pair.ticket.problem, sameObservation: sameObservation(r), photoSides: photoSides(r), texts: [r.pair.ticket.description, r.pair.report.description], input: r.input, dhashBits: r.dhashBits, score: r.result.score }))));
  }
  const main = metrics(rows, (row) => row.result.duplicate);
  console.log('\n== Result (shipped weights and threshold)');
  printTable(['', 'predicted duplicate', 'predicted new'], [
    ['duplicate (labelled)', `TP ${main.tp}`, `FN ${main.fn}`],
    ['different (labelled)', `FP ${main.fp}`, `TN ${main.tn}`],
  ]);
  console.log(`  precision ${f3(main.precision)} · recall ${f3(main.recall)} · F1 ${f3(main.f1)}`);

  console.log('\n== By kind of pair');
  const groups = new Map();
  for (const row of rows) {
    for (const key of [row.pair.kind, `${row.pair.kind} · ${photoSides(row)}`]) {
      const g = groups.get(key) ?? { n: 0, merged: 0 };
      g.n++;
      if (row.result.duplicate) g.merged++;
      groups.set(key, g);
    }
  }
  printTable(['kind', 'pairs', 'merged', 'share merged'], [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, g]) => [key, g.n, g.merged, pct(g.merged / g.n)]));

  console.log('\n== Score distribution (count per bin of 0.1; | marks a bin holding a threshold)');
  const positives = rows.filter((r) => r.pair.duplicate).map((r) => r.result.score);
  const negatives = rows.filter((r) => !r.pair.duplicate).map((r) => r.result.score);
  const hp = histogram(positives, 10, 0, 1);
  const hn = histogram(negatives, 10, 0, 1);
  printTable(['score', ...hp.map((_, i) => `${(i / 10).toFixed(1)}${Object.values(DUPLICATE_THRESHOLDS).some((t) => i === Math.floor(t * 10)) ? '|' : ''}`)], [
    ['duplicates', ...hp],
    ['different', ...hn],
  ]);
  printTable(['', 'min', 'p10', 'median', 'p90', 'max'], [
    ['score of duplicates', ...quantiles(positives).map(f3)],
    ['score of different', ...quantiles(negatives).map(f3)],
  ]);

  console.log('\n== Evidence behind the parts');
  const photoRows = (filter) => rows.filter((r) => r.input.photoSimilarity !== null && filter(r)).map((r) => r.input.photoSimilarity);
  const bitRows = (filter) => rows.filter((r) => r.dhashBits !== null && filter(r)).map((r) => r.dhashBits);
  const textRows = (filter) => rows.filter(filter).map((r) => r.input.textSimilarity);
  const sameTemplate = (r) => !r.pair.duplicate && PROBLEMS.find((p) => p.id === r.pair.report.problem).scene === PROBLEMS.find((p) => p.id === r.pair.ticket.problem).scene;
  printTable(['', 'n', 'min', 'p10', 'median', 'p90', 'max'], [
    ['photo similarity, same scene re-photographed', ...((v) => [v.length, ...quantiles(v).map(f3)])(photoRows((r) => r.pair.duplicate))],
    ['photo similarity, other scene, same template', ...((v) => [v.length, ...quantiles(v).map(f3)])(photoRows(sameTemplate))],
    ['photo similarity, other scene, other template', ...((v) => [v.length, ...quantiles(v).map(f3)])(photoRows((r) => !r.pair.duplicate && !sameTemplate(r)))],
    ['(dHash bits, same scene re-photographed)', ...((v) => [v.length, ...quantiles(v)])(bitRows((r) => r.pair.duplicate))],
    ['(dHash bits, other scene, same template)', ...((v) => [v.length, ...quantiles(v)])(bitRows(sameTemplate))],
    ['text similarity, same problem reworded', ...((v) => [v.length, ...quantiles(v).map(f3)])(textRows((r) => r.pair.duplicate))],
    ['text similarity, same kind of fault elsewhere, same detail', ...((v) => [v.length, ...quantiles(v).map(f3)])(textRows((r) => !r.pair.duplicate && sameObservation(r)))],
    ['text similarity, same kind of fault elsewhere, other detail', ...((v) => [v.length, ...quantiles(v).map(f3)])(textRows((r) => !r.pair.duplicate && r.pair.report.problem === r.pair.ticket.problem && !sameObservation(r)))],
    ['text similarity, another problem', ...((v) => [v.length, ...quantiles(v).map(f3)])(textRows((r) => !r.pair.duplicate && r.pair.report.problem !== r.pair.ticket.problem))],
  ]);

  console.log('\n== Sensitivity (same pairs; not used to choose the shipped values)');
  // The hard limits (categories, window, radius + margin) hold whatever the evidence: a perfect-evidence
  // copy of the pair is a duplicate exactly when they do.
  const possible = (r) => scoreDuplicate({ ...r.input, photoSimilarity: 1, textSimilarity: 1 }).duplicate;
  const thresholdOf = (r) => (r.input.photoSimilarity === null ? DUPLICATE_THRESHOLDS.withoutPhotos : DUPLICATE_THRESHOLDS.withPhotos);
  const shifted = (withShift, withoutShift) =>
    metrics(rows, (r) => possible(r) && r.result.score >= thresholdOf(r) + (r.input.photoSimilarity === null ? withoutShift : withShift));
  const variants = [
    ...[-0.1, -0.05, 0.05, 0.1].map((d) => [`both thresholds ${d > 0 ? '+' : ''}${d}`, shifted(d, d)]),
    ...[-0.05, 0.05].map((d) => [`threshold without photos ${d > 0 ? '+' : ''}${d}`, shifted(0, d)]),
    ['one threshold for both (the one with photos)', shifted(0, DUPLICATE_THRESHOLDS.withPhotos - DUPLICATE_THRESHOLDS.withoutPhotos)],
  ].map(([name, m]) => [name, f3(m.precision), f3(m.recall), m.fp, m.fn]);
  const noMargin = metrics(rows, (r) => r.result.duplicate && r.input.distanceMetres <= r.input.radiusMetres);
  const noPhotos = metrics(rows, (r) => scoreDuplicate({ ...r.input, photoSimilarity: null }).duplicate);
  const noText = metrics(rows, (r) => scoreDuplicate({ ...r.input, textSimilarity: 0.25 }).duplicate);
  printTable(['variant', 'precision', 'recall', 'FP', 'FN'], [
    ...variants,
    ['candidates only within R (no GPS margin)', f3(noMargin.precision), f3(noMargin.recall), noMargin.fp, noMargin.fn],
    ['photos ignored', f3(noPhotos.precision), f3(noPhotos.recall), noPhotos.fp, noPhotos.fn],
    ['text ignored (similarity fixed at 0.25)', f3(noText.precision), f3(noText.recall), noText.fp, noText.fn],
  ]);

  console.log('\n== What the labels allow (an oracle that knows whether the photos show the same scene and whether');
  console.log('   the texts could describe one observation — same kind of problem, no conflicting detail —, merging such');
  console.log('   photo-less pairs within D metres)');
  // Without two photos, "the same kind of fault 5–40 m away" stating the same detail (or none) is drawn
  // exactly like a duplicate: no evidence can tell them apart, which bounds precision and recall.
  const ceiling = [20, 25, 28, 30, 35].map((d) => {
    const m = metrics(rows, (r) => possible(r) && (r.input.photoSimilarity !== null ? r.pair.duplicate : sameObservation(r) && r.input.distanceMetres <= d));
    return [`oracle, D = ${d} m`, f3(m.precision), f3(m.recall), m.fp, m.fn];
  });
  printTable(['', 'precision', 'recall', 'FP', 'FN'], ceiling);

  console.log('\n== Cost of the photo comparison (this machine, shared with other work)');
  const withPhotos = rows.filter((r) => r.photos.report.length > 0 && r.photos.ticket.length > 0);
  const reps = Math.max(1, Math.ceil(2000 / Math.max(1, withPhotos.length)));
  const timeIt = (work) => {
    const start = performance.now();
    for (let k = 0; k < reps; k++) for (const r of withPhotos) work(r);
    return (performance.now() - start) / (reps * withPhotos.length);
  };
  const evidences = withPhotos.map((r) => photoEvidenceOf(r.photos.report));
  const prepared = new Map(withPhotos.map((r, i) => [r, evidences[i]]));
  const hashMs = timeIt((r) => hammingDistance(r.photos.report[0].phash, r.photos.ticket[0].phash));
  const compareMs = timeIt((r) => prepared.get(r)(r.photos.ticket));
  const probeMs = timeIt((r) => photoEvidenceOf(r.photos.report)) ;
  printTable(['', 'ms'], [
    ['baseline: dHash Hamming distance per photo pair', hashMs.toFixed(4)],
    ['fingerprint comparison per photo pair (target prepared + searched)', compareMs.toFixed(4)],
    ['preparing the report photo as probe (once per report photo)', probeMs.toFixed(3)],
  ]);
  console.log(`  ratio fingerprint / dHash per pair: ${(compareMs / hashMs).toFixed(0)}× · 50 candidates × 2 photos: ${(100 * compareMs).toFixed(1)} ms`);

  const shares = PAIR_KINDS.map(([kind, share]) => `${kind} ${pct(share)}`).join(', ');
  console.log(`\npairs: ${rows.length} (${shares}) · ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const met = main.precision >= TARGET.precision && main.recall >= TARGET.recall;
  const misses = [];
  if (main.precision < TARGET.precision) misses.push(`precision ${f3(main.precision)} < ${TARGET.precision}`);
  if (main.recall < TARGET.recall) misses.push(`recall ${f3(main.recall)} < ${TARGET.recall}`);
  console.log(`precision ${f3(main.precision)} · recall ${f3(main.recall)} · F1 ${f3(main.f1)}`);
  console.log(`VERDICT P ≥ ${TARGET.precision} and R ≥ ${TARGET.recall}: ${met ? 'MET' : `MISSED — ${misses.join(', ')}`}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
