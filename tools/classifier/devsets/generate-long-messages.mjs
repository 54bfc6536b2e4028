#!/usr/bin/env node
// Writes tools/classifier/devsets/long-messages.tsv: 12345-style letters (150–600 characters, several
// sentences) under 7 broad labels. Each letter has 1–3 sentences of its own label (clauses of the
// topic's sentences recombined, so sentences rarely repeat), 0–2 sentences from a confusable topic of
// another label (the way real letters wander), and greetings, story, context and requests shared by all
// labels; about 6 % are filed under a neighbouring label (real hand-offs do that). Deterministic for a seed.
//
//   node tools/classifier/devsets/generate-long-messages.mjs [--per-label 160] [--misfiled 0.06] [--seed 12345]
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
/** Share of letters filed under a neighbouring label, as a real department hand-off would file them. */
const misfiled = option('misfiled', 0.06);
const random = mulberry32(option('seed', 12345));
const sentence = (template) => vary(random, fill(random, template, SLOTS));
const plain = (template) => fill(random, template, SLOTS);

const ADDRESSES = ['具体位置在{district}{road}{community}附近。', '地址：{district}{road}。', '位置在{road}与{road}交叉口一带。', ''];

/** A new sentence of a topic: clauses of one or two of its sentences, recombined in order. */
function topicSentence(label, topic) {
  const clauses = pickSome(random, TOPICS[label][topic], random() < 0.5 ? 1 : 2)
    .flatMap((template) => plain(template).replace(/[。！？]$/, '').split('，'))
    .filter((clause) => random() < 0.75);
  const kept = clauses.length > 0 ? clauses : [plain(pick(random, TOPICS[label][topic])).replace(/[。！？]$/, '')];
  return vary(random, `${kept.join('，')}。`);
}

/** 1–3 sentences of its own label, 0–2 from confusable topics of other labels, the rest story and context. */
function letter(label) {
  const target = Math.round(150 + 450 * random() ** 2);
  const topic = pick(random, Object.keys(TOPICS[label]));
  const ownCount = pick(random, [1, 1, 2, 2, 3]);
  const body = Array.from({ length: ownCount }, () => topicSentence(label, random() < 0.8 ? topic : pick(random, Object.keys(TOPICS[label]))));
  const confusableCount = pick(random, [0, 1, 1, 2, 2]);
  for (let i = 0; i < confusableCount; i++) {
    const [otherLabel, otherTopic] = pick(random, CONFUSABLE[label]);
    body.splice(between(random, 0, body.length), 0, topicSentence(otherLabel, otherTopic));
  }
  const stories = pickSome(random, NARRATIVE, NARRATIVE.length);
  let length = body.join('').length + 60;
  while (length < target && stories.length > 0) {
    const next = random() < 0.3 ? topicSentence(label, topic) : sentence(stories.shift());
    body.splice(between(random, 0, body.length), 0, next);
    length += next.length;
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
  for (let i = 0; i < perLabel; i++) {
    const filedUnder = random() < misfiled ? pick(random, CONFUSABLE[label])[0] : label;
    rows.push(`${filedUnder}\t${letter(label)}`);
  }
}
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'long-messages.tsv');
writeFileSync(file, `${rows.join('\n')}\n`);
process.stderr.write(`wrote ${rows.length} rows to ${path.relative(process.cwd(), file)}\n`);
