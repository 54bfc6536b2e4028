#!/usr/bin/env node
// The report classifier's command line: train, evaluate, predict and compare (see --help).
//
//   npm run classifier -- train tools/classifier/corpus --holdout 0.2 --out artifacts/classifier/model.json
//   npm run classifier -- evaluate artifacts/classifier/model.json heldout.tsv
//   npm run classifier -- predict artifacts/classifier/model.json "小区门口垃圾桶满了"
//   npm run classifier -- compare tools/classifier/devsets/long-messages.tsv --folds 5
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTextLib } from './load-text-lib.mjs';
import { progressBar } from './progress-bar.mjs';

const HELP = `Usage: npm run classifier -- <command> [options]

Commands
  train <file|dir>…      Train on label<TAB>text TSV (or CSV with a label,text header); a directory
                         means every .tsv/.csv inside it.
      --out FILE         model file to write (default artifacts/classifier/model.json)
      --holdout RATIO    keep a stratified, seeded share aside (e.g. 0.2), save the split next to the
                         model (<model>.train.tsv, <model>.heldout.tsv) and print the held-out figures
      --seed N           seed of the split and of training (default 42)
  evaluate <model> <file|dir>…
                         Accuracy, macro-F1, per-class precision/recall/F1/support, the confusion
                         matrix and the expected calibration error.
  predict <model> [text…]
                         Ranked labels with confidences; without text, one report per line from stdin.
      --top N            how many labels (default 3)
      --json             one JSON array per text
  retrain [--corpus DIR] On the server's database (DATABASE_URL / DATA_DIR as for npm start): the shipped
                         corpus plus every staff/admin correction; stores the next model version, which
                         running servers pick up without a restart (builds the server first if needed).
  compare <file|dir>…    Stratified k-fold cross-validation of our model against TF-IDF char 1–3-grams +
                         linear SVM (C = 1) and multinomial naive Bayes, trained in the same run.
      --folds K          (default 5)   --seed N (default 42)
      --train-per-label N
                         train each fold on at most N rows per label (a learning-curve point)
      --top-categories   fold labels to their top category (the part before the first '-')

Progress goes to stderr, results to stdout.`;

/** `retrain` needs the database, so it is the server's own command line (apps/server/src/cli/classifier-retrain.ts). */
function retrain(args) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const entry = path.join(root, 'apps/server/dist/cli/classifier-retrain.js');
  if (!existsSync(entry)) {
    const build = spawnSync('npx', ['nx', 'run', 'server:build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const run = spawnSync(process.execPath, [entry, ...args], { cwd: root, stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

function parseArguments(argv) {
  const positional = [];
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') flags.help = true;
    else if (arg === '--json') flags.json = true;
    else if (arg === '--top-categories') flags['top-categories'] = true;
    else if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2);
      const value = inline ?? argv[++i];
      if (value === undefined) fail(`--${name} needs a value`);
      flags[name] = value;
    } else positional.push(arg);
  }
  return { command: positional.shift(), positional, flags };
}

function fail(message) {
  process.stderr.write(`classifier: ${message}\n`);
  process.exit(2);
}

function numberFlag(flags, name, fallback) {
  if (flags[name] === undefined) return fallback;
  const value = Number(flags[name]);
  if (!Number.isFinite(value)) fail(`--${name} must be a number, got ${flags[name]}`);
  return value;
}

function dataFiles(inputs) {
  if (inputs.length === 0) fail('name at least one data file or directory');
  return inputs.flatMap((input) => {
    if (!existsSync(input)) fail(`${input} does not exist`);
    if (!statSync(input).isDirectory()) return [input];
    const files = readdirSync(input)
      .filter((name) => /\.(tsv|csv)$/i.test(name))
      .sort()
      .map((name) => path.join(input, name));
    if (files.length === 0) fail(`${input} holds no .tsv or .csv file`);
    return files;
  });
}

function readExamples(lib, inputs) {
  return dataFiles(inputs).flatMap((file) => {
    try {
      return lib.parseLabelledText(readFileSync(file, 'utf8'), file);
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
      return [];
    }
  });
}

function loadModel(lib, file) {
  if (!file || !existsSync(file)) fail(`model file ${file ?? '(none)'} not found`);
  try {
    return lib.loadClassifierModel(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

const toTsv = (examples) => `${examples.map((example) => `${example.label}\t${example.text.replace(/[\t\r\n]+/g, ' ')}`).join('\n')}\n`;

function train(lib, positional, flags) {
  const examples = readExamples(lib, positional);
  const out = flags.out ?? 'artifacts/classifier/model.json';
  const seed = numberFlag(flags, 'seed', 42);
  const holdout = numberFlag(flags, 'holdout', 0);
  const split = holdout > 0 ? lib.stratifiedSplit(examples, holdout, seed) : { train: examples, heldOut: [] };
  const bar = progressBar('training');
  const started = Date.now();
  const model = lib.trainClassifier(split.train, { seed }, (progress) => bar.update(progress.done, progress.total, progress.stage));
  bar.done();
  const seconds = (Date.now() - started) / 1000;
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const json = lib.serializeClassifierModel(model);
  writeFileSync(out, json);
  console.log(`trained on ${split.train.length} examples, ${model.labels.length} labels, ${model.features.grams.length} features in ${seconds.toFixed(1)} s`);
  const stack = model.calibration.members.map((member) => `${member.name} ${member.weight.toFixed(3)}`).join(', ');
  console.log(`stacking weights (fitted on ${model.hyperParameters.calibrationFolds} held-out folds): ${stack}; log loss ${model.calibration.heldOutLogLoss.toFixed(3)}`);
  console.log(`model written to ${out} (${(json.length / 1e6).toFixed(2)} MB)`);
  if (split.heldOut.length > 0) {
    const base = out.replace(/\.json$/i, '');
    writeFileSync(`${base}.train.tsv`, toTsv(split.train));
    writeFileSync(`${base}.heldout.tsv`, toTsv(split.heldOut));
    console.log(`split saved: ${base}.train.tsv (${split.train.length}), ${base}.heldout.tsv (${split.heldOut.length})`);
    console.log(`\nheld-out evaluation (${(holdout * 100).toFixed(0)} %, stratified, seed ${seed}):`);
    console.log(lib.formatEvaluationReport(lib.evaluateClassifier(new lib.TextClassifier(model), split.heldOut)));
  }
}

function evaluate(lib, positional) {
  const classifier = loadModel(lib, positional[0]);
  const examples = readExamples(lib, positional.slice(1));
  console.log(lib.formatEvaluationReport(lib.evaluateClassifier(classifier, examples)));
}

async function predict(lib, positional, flags) {
  const classifier = loadModel(lib, positional[0]);
  const top = numberFlag(flags, 'top', 3);
  let texts = positional.slice(1);
  if (texts.length === 0) {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    texts = Buffer.concat(chunks).toString('utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  }
  for (const text of texts) {
    const ranked = classifier.predict(text, top);
    if (flags.json) console.log(JSON.stringify(ranked));
    else console.log(`${ranked.map((p) => `${p.label} ${(p.confidence * 100).toFixed(1)}%`).join('  ')}\t${text}`);
  }
}

function compare(lib, positional, flags) {
  const read = readExamples(lib, positional);
  const examples = flags['top-categories'] ? read.map((example) => ({ label: example.label.split('-')[0], text: example.text })) : read;
  const folds = numberFlag(flags, 'folds', 5);
  const seed = numberFlag(flags, 'seed', 42);
  const trainPerLabel = numberFlag(flags, 'train-per-label', undefined);
  const bar = progressBar('cross-validating');
  const results = lib.compareModels(examples, folds, seed, {}, ({ fold, model }) => bar.update(modelIndex(model) * folds + fold, 3 * folds, model), { trainPerLabel });
  bar.done();
  const labels = new Set(examples.map((example) => example.label));
  const variant = `${flags['top-categories'] ? ', labels folded to top categories' : ''}${trainPerLabel ? `, training on ${trainPerLabel} rows per label` : ''}`;
  console.log(`${positional.join(' ')}: ${examples.length} examples, ${labels.size} labels${variant}, stratified ${folds}-fold cross-validation, seed ${seed}\n`);
  console.log(`${'model'.padEnd(34)} macro-F1   accuracy  ECE    folds macro-F1 (min–max)  train s`);
  for (const result of results) {
    const f = result.foldMacroF1;
    console.log(
      `${result.name.padEnd(34)} ${result.report.macroF1.toFixed(4)}     ${result.report.accuracy.toFixed(4)}    ${result.report.expectedCalibrationError.toFixed(3)}  ${Math.min(...f).toFixed(3)}–${Math.max(...f).toFixed(3)}               ${result.trainSeconds.toFixed(1)}`,
    );
  }
  const [ours, svm, nb] = results;
  const margin = ours.report.macroF1 - svm.report.macroF1;
  console.log(`\nmargin of ours over the linear SVM: ${margin >= 0 ? '+' : ''}${margin.toFixed(4)} macro-F1 (${(margin * 100).toFixed(1)} points); over naive Bayes: ${(ours.report.macroF1 - nb.report.macroF1).toFixed(4)}`);
}

const MODEL_ORDER = ['ours', 'TF-IDF', 'multinomial'];
function modelIndex(name) {
  return Math.max(0, MODEL_ORDER.findIndex((prefix) => name.startsWith(prefix)));
}

const { command, positional, flags } = parseArguments(process.argv.slice(2));
if (flags.help || !command) {
  console.log(HELP);
  process.exit(command || flags.help ? 0 : 2);
}
if (command === 'retrain') retrain(process.argv.slice(3));
const lib = loadTextLib();
switch (command) {
  case 'train':
    train(lib, positional, flags);
    break;
  case 'evaluate':
    evaluate(lib, positional);
    break;
  case 'predict':
    await predict(lib, positional, flags);
    break;
  case 'compare':
    compare(lib, positional, flags);
    break;
  default:
    fail(`unknown command ${command} (try --help)`);
}
