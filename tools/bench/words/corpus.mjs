// Inputs for the word-matcher bench: report descriptions recombined from the legitimate-complaint
// fixture (plus a few disguised abusive ones, as real traffic has), and a synthetic rule set of
// any size on top of DEFAULT_WORD_RULES. Deterministic for a seed.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURE = path.join(here, '../../../libs/text/src/words/__tests__/fixtures/legit-complaints.txt');

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (random, list) => list[Math.floor(random() * list.length)];

function fixtureLines() {
  return readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

const DISGUISED = ['傻 逼', '傻*逼', '傻.逼', 'ＳＢ', '他妈的', '代開發票', '操\u200b你\u200b妈', '约 炮', 'f u c k'];
const JOINERS = ['，', '。', '！', '，', '；', ' '];
const MAX_LENGTH = 200;

/**
 * `count` descriptions: clauses of fixture complaints joined with punctuation up to a length drawn
 * uniformly from 5–200 characters (residents write from "路灯坏了" to a paragraph);
 * `disguisedShare` of them carry one disguised insult or ad word.
 */
export function makeDescriptions(count, { seed = 42, disguisedShare = 0.05 } = {}) {
  const random = prng(seed);
  const clauses = fixtureLines().flatMap((line) => line.split(/[，。！？；]/).filter((clause) => clause.length >= 2));
  const descriptions = [];
  for (let n = 0; n < count; n += 1) {
    const targetLength = 5 + Math.floor(random() * (MAX_LENGTH - 4));
    let text = pick(random, clauses).slice(0, MAX_LENGTH);
    for (let attempt = 0; attempt < 20 && text.length < targetLength; attempt += 1) {
      const next = text + pick(random, JOINERS) + pick(random, clauses);
      if (next.length <= targetLength) text = next;
    }
    if (random() < disguisedShare) {
      const at = Math.floor(random() * text.length);
      text = (text.slice(0, at) + pick(random, DISGUISED) + text.slice(at)).slice(0, MAX_LENGTH);
    }
    descriptions.push(text);
  }
  return descriptions;
}

/**
 * `total` rules: DEFAULT_WORD_RULES, then synthetic ones an admin might add — 3–5 characters drawn
 * from the corpus's own characters (so some of them do occur in the descriptions), a mix of levels.
 */
export function makeRuleSet(defaultRules, total, { seed = 7 } = {}) {
  const random = prng(seed);
  const characters = [...new Set([...fixtureLines().join('')].filter((char) => /\p{Script=Han}/u.test(char)))];
  const rules = [...defaultRules];
  const seen = new Set(rules.map((rule) => rule.pattern));
  const levels = ['block', 'review', 'mask', 'mask'];
  while (rules.length < total) {
    const length = 3 + Math.floor(random() * 3);
    const pattern = Array.from({ length }, () => pick(random, characters)).join('');
    if (seen.has(pattern)) continue;
    seen.add(pattern);
    rules.push({ id: `synthetic.${rules.length}`, pattern, level: pick(random, levels), category: 'other' });
  }
  return rules;
}
