#!/usr/bin/env node
// Writes tools/classifier/devsets/department-letters.tsv: about 2,000 12345-style letters (120–500
// characters) routed to 7 city departments in a 10 : 1 imbalance (城市管理 … 公安治安). Harder than
// long-messages.tsv on purpose: the departments share their nouns (see the fragments), a letter has only
// 1–2 sentences of its own department but 1–3 from a confusable topic of another one, and about 5 % are
// filed under a department the letter also talks about. Deterministic for a seed.
//
//   node tools/classifier/devsets/generate-department-letters.mjs [--rows 2000] [--misfiled 0.05] [--seed 2024]
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEPARTMENT_CONFUSABLE, DEPARTMENT_SHARE, DEPARTMENT_TOPICS } from './department-letters.fragments.mjs';
import { CLOSINGS, CONTEXT, NARRATIVE, OPENINGS, SLOTS } from './long-messages.fragments.mjs';
import { between, fill, mulberry32, pick, pickSome } from './prng.mjs';
import { vary } from './variation.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const totalRows = option('rows', 2000);
const misfiled = option('misfiled', 0.05);
const random = mulberry32(option('seed', 2024));
const plain = (template) => fill(random, template, SLOTS);

/** A sentence of a topic: one of its templates, sometimes with a clause dropped, then surface variation. */
function topicSentence(department, topic) {
  const clauses = plain(pick(random, DEPARTMENT_TOPICS[department][topic])).replace(/[。！？]$/, '').split('，');
  const kept = clauses.length > 1 && random() < 0.3 ? clauses.filter((_, i) => i !== between(random, 1, clauses.length - 1)) : clauses;
  return vary(random, `${kept.join('，')}。`);
}

function letter(department) {
  const target = Math.round(120 + 380 * random() ** 2);
  const topics = Object.keys(DEPARTMENT_TOPICS[department]);
  const topic = pick(random, topics);
  const body = Array.from({ length: pick(random, [1, 1, 2]) }, () => topicSentence(department, random() < 0.75 ? topic : pick(random, topics)));
  const confusableCount = pick(random, [1, 1, 2, 2, 3]);
  for (let i = 0; i < confusableCount; i++) {
    const [other, otherTopic] = pick(random, DEPARTMENT_CONFUSABLE[department]);
    body.splice(between(random, 0, body.length), 0, topicSentence(other, otherTopic));
  }
  const stories = pickSome(random, NARRATIVE, NARRATIVE.length);
  let length = body.join('').length + 50;
  while (length < target && stories.length > 0) {
    const next = vary(random, plain(stories.shift()));
    body.splice(between(random, 0, body.length), 0, next);
    length += next.length;
  }
  const parts = [plain(pick(random, OPENINGS)), ...body, ...pickSome(random, CONTEXT, between(random, 1, 2)).map((c) => vary(random, plain(c))), plain(pick(random, CLOSINGS))];
  let text = parts.join('');
  if (text.length > 500) text = `${text.slice(0, 499)}。`;
  return text.replace(/\t|\n/g, ' ');
}

const shareTotal = Object.values(DEPARTMENT_SHARE).reduce((sum, share) => sum + share, 0);
const rows = [];
for (const [department, share] of Object.entries(DEPARTMENT_SHARE)) {
  const count = Math.round((totalRows * share) / shareTotal);
  for (let i = 0; i < count; i++) {
    const filedUnder = random() < misfiled ? pick(random, DEPARTMENT_CONFUSABLE[department])[0] : department;
    rows.push(`${filedUnder}\t${letter(department)}`);
  }
}
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'department-letters.tsv');
writeFileSync(file, `${rows.join('\n')}\n`);
process.stderr.write(`wrote ${rows.length} rows to ${path.relative(process.cwd(), file)}\n`);
