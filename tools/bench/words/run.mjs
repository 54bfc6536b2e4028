#!/usr/bin/env node
// Word-matcher benchmark (issue 4, "Proof": word matcher throughput ≥ 50,000 descriptions/s).
// In one run, on the same N generated report descriptions (≤ 200 characters, recombined from the
// legitimate-complaint fixture, 5 % with a disguised insult or ad word):
//   (a) ours: matcher.match(description) = normalizeText + the Aho–Corasick automaton + allow-list,
//       with DEFAULT_WORD_RULES and with a 2,000-rule set;
//   (b) baseline: the same normalizeText, then `normalized.includes(pattern)` for every pattern;
//   (c) for context: normalizeText alone;
// and compile time (cold = first compile in the process, OpenCC tables included; warm = median).
// Prints descriptions/s (best of --rounds, wall clock, one core), CPU per description, the ratio
// ours ÷ baseline, and the verdict. Needs the built library: `npm run bench:words` builds it.
//
//   node tools/bench/words/run.mjs [--descriptions 10000] [--rules 2000] [--rounds 3] [--seed 42]
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { fmt, parseArgs, printTable } from '../lib/measure.mjs';
import { makeDescriptions, makeRuleSet } from './corpus.mjs';

const TARGET_PER_SECOND = 50_000;
const TARGET_COMPILE_MS = 50;

const options = parseArgs(process.argv.slice(2), { descriptions: 10_000, rules: 2_000, rounds: 3, seed: 42, compileRuns: 15 });

const here = path.dirname(fileURLToPath(import.meta.url));
const distEntry = path.join(here, '../../../libs/text/dist/index.js');
if (!existsSync(distEntry)) {
  console.error(`missing ${distEntry}: run "npx nx run text:build" first (npm run bench:words does)`);
  process.exit(1);
}
const { DEFAULT_WORD_RULES, compileWordRules, normalizeText } = createRequire(import.meta.url)(distEntry);

/** Runs `work` over all descriptions `rounds` times; the best round (least disturbed) counts. */
function measure(descriptions, work) {
  let best = Infinity;
  let bestCpuMs = Infinity;
  let checksum = 0;
  work(descriptions[0]);
  for (let round = 0; round < options.rounds; round += 1) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    checksum = 0;
    for (const description of descriptions) checksum += work(description);
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    best = Math.min(best, wallMs);
    bestCpuMs = Math.min(bestCpuMs, (cpu.user + cpu.system) / 1000);
  }
  return { perSecond: (descriptions.length / best) * 1000, cpuMicros: (bestCpuMs * 1000) / descriptions.length, checksum };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function compileTimes(rules) {
  const times = [];
  for (let run = 0; run < options.compileRuns; run += 1) {
    const t0 = performance.now();
    compileWordRules(rules);
    times.push(performance.now() - t0);
  }
  return median(times);
}

console.log(`word matcher bench: ${fmt.int(options.descriptions)} descriptions, best of ${options.rounds} rounds, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

const descriptions = makeDescriptions(options.descriptions, { seed: options.seed });
const bigRules = makeRuleSet(DEFAULT_WORD_RULES, options.rules);
const averageLength = descriptions.reduce((sum, d) => sum + d.length, 0) / descriptions.length;
console.log(`descriptions: average ${averageLength.toFixed(0)} characters, longest ${Math.max(...descriptions.map((d) => d.length))}`);

const coldBigStart = performance.now();
const bigMatcher = compileWordRules(bigRules);
const coldBigMs = performance.now() - coldBigStart;
const defaultMatcher = compileWordRules(DEFAULT_WORD_RULES);
const warmDefaultMs = compileTimes(DEFAULT_WORD_RULES);
const warmBigMs = compileTimes(bigRules);

const normalizedPatterns = (rules) => [...new Set(rules.filter((rule) => rule.level !== 'allow').map((rule) => normalizeText(rule.pattern).text))];
const naive = (patterns) => (description) => {
  const text = normalizeText(description).text;
  let hits = 0;
  for (const pattern of patterns) if (text.includes(pattern)) hits += 1;
  return hits;
};

const results = [
  ['ours, DEFAULT_WORD_RULES', DEFAULT_WORD_RULES.length, measure(descriptions, (d) => defaultMatcher.match(d).length)],
  ['baseline, DEFAULT_WORD_RULES', DEFAULT_WORD_RULES.length, measure(descriptions, naive(normalizedPatterns(DEFAULT_WORD_RULES)))],
  [`ours, ${fmt.int(bigRules.length)} rules`, bigRules.length, measure(descriptions, (d) => bigMatcher.match(d).length)],
  [`baseline, ${fmt.int(bigRules.length)} rules`, bigRules.length, measure(descriptions, naive(normalizedPatterns(bigRules)))],
  ['normalizeText alone', 0, measure(descriptions, (d) => normalizeText(d).text.length)],
];

console.log('');
printTable(
  ['phase', 'rules', 'descriptions/s', 'CPU µs/description', 'hits'],
  results.map(([label, rules, r]) => [label, rules ? fmt.int(rules) : '—', fmt.int(Math.round(r.perSecond)), r.cpuMicros.toFixed(2), fmt.int(r.checksum)]),
);
console.log('');
printTable(
  ['compile', 'rules', 'cold ms', 'warm ms (median)'],
  [
    ['DEFAULT_WORD_RULES', fmt.int(DEFAULT_WORD_RULES.length), '—', warmDefaultMs.toFixed(1)],
    ['synthetic set', fmt.int(bigRules.length), coldBigMs.toFixed(1), warmBigMs.toFixed(1)],
  ],
);
console.log('cold = the first compile in the process (the synthetic set): builds the OpenCC converters and folds each character for the first time.');

const [ourDefault, baseDefault, ourBig, baseBig] = results.map(([, , r]) => r.perSecond);
console.log('');
console.log(`ratio ours ÷ baseline: ${(ourDefault / baseDefault).toFixed(1)}× with DEFAULT_WORD_RULES, ${(ourBig / baseBig).toFixed(1)}× with ${fmt.int(bigRules.length)} rules`);
console.log('figures are wall clock on one core of a shared 2-core machine; the CPU column is less sensitive to other load.');

const misses = [];
if (ourDefault < TARGET_PER_SECOND) misses.push(`DEFAULT_WORD_RULES ${fmt.int(Math.round(ourDefault))}/s`);
if (ourBig < TARGET_PER_SECOND) misses.push(`${fmt.int(bigRules.length)} rules ${fmt.int(Math.round(ourBig))}/s`);
if (warmBigMs > TARGET_COMPILE_MS) misses.push(`compile of ${fmt.int(bigRules.length)} rules ${warmBigMs.toFixed(1)} ms > ${TARGET_COMPILE_MS} ms`);
const summary = `DEFAULT_WORD_RULES ${fmt.int(Math.round(ourDefault))}/s, ${fmt.int(bigRules.length)} rules ${fmt.int(Math.round(ourBig))}/s, compile ${warmBigMs.toFixed(1)} ms warm / ${coldBigMs.toFixed(1)} ms cold`;
console.log(
  misses.length === 0
    ? `VERDICT word matcher ≥ ${fmt.int(TARGET_PER_SECOND)} descriptions/s and compile ≤ ${TARGET_COMPILE_MS} ms: MET (${summary})`
    : `VERDICT word matcher ≥ ${fmt.int(TARGET_PER_SECOND)} descriptions/s and compile ≤ ${TARGET_COMPILE_MS} ms: MISSED — ${misses.join('; ')}`,
);
