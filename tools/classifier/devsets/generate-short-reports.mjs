#!/usr/bin/env node
// Writes tools/classifier/devsets/short-reports.tsv: short resident reports (a few to ~60 characters)
// for 15 of our subcategories. A report is a place, one or two phrases of its category (sometimes one
// of another category's words), surface variation (synonyms, misspellings, emoji) and a tail; about 4 %
// are filed under a wrong category. Deterministic for a seed.
//
//   node tools/classifier/devsets/generate-short-reports.mjs [--per-label 40] [--misfiled 0.04] [--seed 2024]
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { between, mulberry32, pick, pickSome } from './prng.mjs';
import { PHRASES, PLACES, TAILS } from './short-reports.fragments.mjs';
import { vary } from './variation.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const perLabel = option('per-label', 40);
/** Share of reports filed under another of the categories (residents do pick the wrong one). */
const misfiled = option('misfiled', 0.04);
const random = mulberry32(option('seed', 2024));
const labels = Object.keys(PHRASES);

function report(label) {
  const phrases = pickSome(random, PHRASES[label], random() < 0.75 ? 1 : 2).map((phrase) => vary(random, phrase));
  if (random() < 0.35) {
    const other = pick(random, labels.filter((candidate) => candidate !== label));
    phrases.push(vary(random, pick(random, PHRASES[other])).slice(0, between(random, 2, 6)));
  }
  const place = random() < 0.6 ? pick(random, PLACES) : '';
  const text = `${place}${place && random() < 0.5 ? '，' : ''}${phrases.join('，')}${pick(random, TAILS)}`;
  return text.replace(/\t|\n/g, ' ');
}

const rows = [];
for (const label of labels) {
  for (let i = 0; i < perLabel; i++) {
    const filedUnder = random() < misfiled ? pick(random, labels) : label;
    rows.push(`${filedUnder}\t${report(label)}`);
  }
}
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'short-reports.tsv');
writeFileSync(file, `label\ttext\n${rows.join('\n')}\n`);
process.stderr.write(`wrote ${rows.length} rows to ${path.relative(process.cwd(), file)}\n`);
