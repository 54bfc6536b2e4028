#!/usr/bin/env node
// Writes tools/classifier/devsets/long-messages.tsv: 12345-style letters (150–600 characters, several
// sentences) under 7 broad labels. Each letter mixes 2–5 sentences of its own label (one or two topics)
// with greetings, context and requests shared by all labels, and about 40 % of letters carry a sentence
// from a confusable topic of another label, the way real letters wander. Deterministic for a seed.
//
//   node tools/classifier/devsets/generate-long-messages.mjs [--per-label 160] [--seed 12345]
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLOSINGS, CONFUSABLE, CONTEXT, NARRATIVE, OPENINGS, SLOTS, TOPICS } from './long-messages.fragments.mjs';
import { between, fill, mulberry32, pick, pickSome } from './prng.mjs';
import { vary } from './variation.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const perLabel = option('per-label', 160);
const random = mulberry32(option('seed', 12345));
const sentence = (template) => vary(random, fill(random, template, SLOTS));
const plain = (template) => fill(random, template, SLOTS);

const ADDRESSES = ['具体位置在{district}{road}{community}附近。', '地址：{district}{road}。', '位置在{road}与{road}交叉口一带。', ''];

function letter(label) {
  const target = Math.round(150 + 450 * random() ** 2);
  const topics = pickSome(random, Object.keys(TOPICS[label]), random() < 0.6 ? 1 : 2);
  const pool = pickSome(random, topics.flatMap((topic) => TOPICS[label][topic]), 99);
  const stories = pickSome(random, NARRATIVE, NARRATIVE.length);
  const body = pool.splice(0, 2).map(sentence);
  let length = body.join('').length + 60;
  while (length < target && (pool.length > 0 || stories.length > 0)) {
    const next = sentence(pool.length > 0 && (random() < 0.55 || stories.length === 0) ? pool.shift() : stories.shift());
    body.splice(between(random, 0, body.length), 0, next);
    length += next.length;
  }
  if (random() < 0.4) {
    const [otherLabel, otherTopic] = pick(random, CONFUSABLE[label]);
    body.splice(between(random, 1, body.length), 0, sentence(pick(random, TOPICS[otherLabel][otherTopic])));
  }
  const parts = [plain(pick(random, OPENINGS)), plain(pick(random, ADDRESSES)), ...body];
  parts.push(...pickSome(random, CONTEXT, between(random, 1, 3)).map(sentence));
  parts.push(plain(pick(random, CLOSINGS)));
  let text = parts.join('');
  for (const extra of pickSome(random, CONTEXT, CONTEXT.length)) {
    if (text.length >= 150) break;
    text += sentence(extra);
  }
  if (text.length > 600) text = `${text.slice(0, 599)}。`;
  return text.replace(/\t|\n/g, ' ');
}

const rows = [];
for (const label of Object.keys(TOPICS)) {
  for (let i = 0; i < perLabel; i++) rows.push(`${label}\t${letter(label)}`);
}
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'long-messages.tsv');
writeFileSync(file, `${rows.join('\n')}\n`);
process.stderr.write(`wrote ${rows.length} rows to ${path.relative(process.cwd(), file)}\n`);
