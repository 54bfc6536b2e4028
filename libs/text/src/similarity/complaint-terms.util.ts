import { normalizeText } from '../normalize/normalize-text.util';
import { COMPLAINT_FAULTS, COMPLAINT_OBJECTS, DETAIL_FAMILIES } from './complaint-concepts.data';
import { similarityUnits } from './similarity-units.util';

/**
 * Words that place something relative to a landmark. An object named right before one (公交站旁边, 桥洞下面)
 * says where the problem is, not what it is about.
 */
const POSITION_WORDS = ['门口', '旁边', '边上', '附近', '对面', '周边', '一带', '这边', '那边', '下面', '底下'];

/**
 * Phrases that say nothing about which problem a complaint is about: greetings and politeness, requests
 * to act ("请尽快处理"), appeals to the authorities, and positional words around a landmark ("门口",
 * "旁边", "附近": where the problem is comes from the GPS fix, not from the wording). They are cut out
 * and act as a boundary, so "井盖没了请尽快处理" yields no "了请" pair. In normalised (simplified, folded) form;
 * longer phrases are tried first.
 */
const STOP_PHRASES = [
  // greetings, politeness, thanks
  '你好', '您好', '你们好', '大家好', '领导好', '麻烦你们', '麻烦您', '麻烦', '谢谢你们', '谢谢您', '谢谢', '多谢', '感谢', '辛苦了', '辛苦',
  // asking for action
  '请尽快处理', '请及时处理', '尽快处理', '及时处理', '赶紧处理', '处理一下', '请处理', '请尽快', '尽快', '赶紧', '赶快', '抓紧',
  '管一下', '管管', '管下', '来看看', '来看一下', '看一下', '帮忙', '帮帮忙', '解决一下', '请求', '希望', '恳请',
  '有关部门', '相关部门', '有关单位', '相关单位', '重视', '反映', '投诉', '举报', '市民', '老百姓',
  // position around a landmark
  ...POSITION_WORDS, '这里', '那里', '这块', '那块', '这儿', '那儿',
];

/** The stop phrases by first character, longest first, so each position of a text costs one map look-up. */
const STOP_PHRASES_BY_FIRST = new Map<string, string[]>();
for (const phrase of [...STOP_PHRASES].sort((a, b) => b.length - a.length)) {
  const list = STOP_PHRASES_BY_FIRST.get(phrase[0]) ?? [];
  list.push(phrase);
  STOP_PHRASES_BY_FIRST.set(phrase[0], list);
}

/** Fault concepts are named "fault." + the fault ("c:fault.missing"), objects by themselves ("c:manhole"). */
export const FAULT_PREFIX = 'fault.';

/** Concept words by first character, longest first (the longest word starting at a position wins); a word may name several concepts. */
const CONCEPT_WORDS_BY_FIRST = new Map<string, Array<{ word: string; concepts: string[] }>>();
const CONCEPTS = [...Object.entries(COMPLAINT_OBJECTS), ...Object.entries(COMPLAINT_FAULTS).map(([fault, words]) => [`${FAULT_PREFIX}${fault}`, words] as const)];
for (const [concept, words] of CONCEPTS) {
  for (const word of words) {
    const list = CONCEPT_WORDS_BY_FIRST.get(word[0]) ?? [];
    const entry = list.find((candidate) => candidate.word === word);
    if (entry) entry.concepts.push(concept);
    else list.push({ word, concepts: [concept] });
    CONCEPT_WORDS_BY_FIRST.set(word[0], list);
  }
}
for (const list of CONCEPT_WORDS_BY_FIRST.values()) list.sort((a, b) => b.word.length - a.word.length);

/** The detail family (DETAIL_FAMILIES) of each object concept that belongs to one. */
const FAMILY_OF = new Map(Object.entries(DETAIL_FAMILIES).flatMap(([family, members]) => members.map((member) => [member, family] as const)));

/** Clause punctuation splits a complaint into segments; spaces, emoji and zero-width characters do not (they may sit inside a word). */
const CLAUSE_BOUNDARY = /[\p{P}\r\n]+/u;

/**
 * The concepts (complaint-concepts.data.ts) a normalised text names, left to right, each word read once,
 * and the details among them: members of a detail family that are not a landmark (followed by a position
 * word, "公交站旁边"), as "family:concept".
 */
function conceptsIn(text: string): { concepts: string[]; details: string[] } {
  const concepts: string[] = [];
  const details: string[] = [];
  let i = 0;
  while (i < text.length) {
    const hit = CONCEPT_WORDS_BY_FIRST.get(text[i])?.find(({ word }) => text.startsWith(word, i));
    if (hit === undefined) {
      i += 1;
      continue;
    }
    i += hit.word.length;
    concepts.push(...hit.concepts);
    if (POSITION_WORDS.some((position) => text.startsWith(position, i))) continue;
    for (const concept of hit.concepts) {
      const family = FAMILY_OF.get(concept);
      if (family !== undefined) details.push(`${family}:${concept}`);
    }
  }
  return { concepts, details };
}

/**
 * The content of a complaint as runs of comparable units (similarityUnits: a CJK character, a Latin word
 * or a number each): each clause normalised as the word filter sees text (NFKC, width, case, traditional
 * → simplified, look-alikes, separators and emoji dropped), then cut at every stop phrase. Character pairs
 * are taken within a run only.
 */
export function contentRuns(text: string): string[][] {
  return normalisedClauses(text).flatMap((clause) => cutStopPhrases(clause).map(similarityUnits).filter((units) => units.length > 0));
}

function normalisedClauses(text: string): string[] {
  return text
    .split(CLAUSE_BOUNDARY)
    .map((clause) => normalizeText(clause).text)
    .filter((clause) => clause.length > 0);
}

function cutStopPhrases(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const phrase = STOP_PHRASES_BY_FIRST.get(text[i])?.find((candidate) => text.startsWith(candidate, i));
    if (phrase === undefined) {
      i += 1;
      continue;
    }
    if (i > start) pieces.push(text.slice(start, i));
    i += phrase.length;
    start = i;
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

/**
 * What a complaint is compared on: the terms (every unit, "u:" + unit, and every pair of neighbouring
 * units in a run, "b:" + pair, of contentRuns, and every concept the text names, "c:" + concept) and the
 * details it states (conceptsIn), read in one pass.
 */
export function readComplaint(text: string): { terms: string[]; details: string[] } {
  const terms: string[] = [];
  const details: string[] = [];
  for (const clause of normalisedClauses(text)) {
    for (const piece of cutStopPhrases(clause)) {
      const run = similarityUnits(piece);
      run.forEach((unit, index) => {
        terms.push(`u:${unit}`);
        if (index > 0) terms.push(`b:${run[index - 1]}${unit}`);
      });
    }
    const named = conceptsIn(clause);
    for (const concept of named.concepts) terms.push(`c:${concept}`);
    details.push(...named.details);
  }
  return { terms, details };
}

/** The terms of readComplaint: what the corpus statistics (complaint-idf.data.ts) are counted over. */
export function complaintTerms(text: string): string[] {
  return readComplaint(text).terms;
}
