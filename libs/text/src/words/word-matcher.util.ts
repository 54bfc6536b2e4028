import { normalizeText } from '../normalize/normalize-text.util';
import { NormalizeScratch, isBoundaryAt, normalizeInto, spansHardBreak } from '../normalize/normalize-scratch.util';
import { AhoCorasick } from './aho-corasick.util';
import { WordRuleError } from './word-rule.error';
import {
  WORD_CATEGORIES,
  WORD_LEVELS,
  type WordHit,
  type WordMatcher,
  type WordRuleSpec,
} from './word-rule.types';

/**
 * Every problem that would stop `compileWordRules`, in rule order: an id used twice, a level,
 * category or match mode outside the enums (rules come from the database), or a pattern that
 * normalises to nothing (only spaces, punctuation or emoji).
 */
export function findWordRuleProblems(rules: readonly WordRuleSpec[]): WordRuleError[] {
  return checkRules(rules).problems;
}

function checkRules(rules: readonly WordRuleSpec[]): { problems: WordRuleError[]; normalized: string[] } {
  const problems: WordRuleError[] = [];
  const normalized: string[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) problems.push(new WordRuleError('DUPLICATE_ID', rule.id, `rule id "${rule.id}" is used twice`));
    seen.add(rule.id);
    if (!WORD_LEVELS.includes(rule.level)) {
      problems.push(new WordRuleError('INVALID_LEVEL', rule.id, `rule "${rule.id}": unknown level "${String(rule.level)}"`));
    }
    if (!WORD_CATEGORIES.includes(rule.category)) {
      problems.push(new WordRuleError('INVALID_CATEGORY', rule.id, `rule "${rule.id}": unknown category "${String(rule.category)}"`));
    }
    if (rule.matchMode !== undefined && rule.matchMode !== 'substring' && rule.matchMode !== 'word') {
      problems.push(new WordRuleError('INVALID_MATCH_MODE', rule.id, `rule "${rule.id}": unknown match mode "${String(rule.matchMode)}"`));
    }
    const pattern = normalizeText(rule.pattern).text;
    if (pattern === '') {
      problems.push(new WordRuleError('EMPTY_PATTERN', rule.id, `rule "${rule.id}": pattern "${rule.pattern}" has no letters or digits`));
    }
    normalized.push(pattern);
  }
  return { problems, normalized };
}

/**
 * Compiles rules into one automaton over normalised text. Throws the first `WordRuleError` of
 * `findWordRuleProblems`. Patterns that normalise alike share one automaton entry.
 *
 * A hit is kept when its rule's match mode allows it (see `WordMatchMode`) and, if it spans a line
 * break or sentence punctuation (，。！？；、…), only when it also stands as a word of its own — so
 * "卖活鸡，巴士站" does not read 鸡巴 while a standalone "傻，逼" still reads 傻逼. Then every hit
 * lying inside an `allow` hit is dropped.
 */
export function compileWordRules(rules: readonly WordRuleSpec[]): WordMatcher {
  const { problems, normalized: patterns } = checkRules(rules);
  if (problems.length > 0) throw problems[0];

  const patternIndex = new Map<string, number>();
  const rulesOfPattern: number[][] = [];
  patterns.forEach((normalized, ruleIndex) => {
    let index = patternIndex.get(normalized);
    if (index === undefined) {
      index = rulesOfPattern.length;
      patternIndex.set(normalized, index);
      rulesOfPattern.push([]);
    }
    rulesOfPattern[index].push(ruleIndex);
  });
  return new CompiledWordMatcher(rules, new AhoCorasick([...patternIndex.keys()]), rulesOfPattern);
}

class CompiledWordMatcher implements WordMatcher {
  private readonly scratch = new NormalizeScratch();
  private matchBuffer: Int32Array = new Int32Array(64);
  private readonly wordMode: Uint8Array;
  /** The constant part of each rule's hits; `null` for allow entries, which never hit. */
  private readonly hitOf: readonly (Omit<WordHit, 'start' | 'end'> | null)[];
  readonly ruleCount: number;

  constructor(
    rules: readonly WordRuleSpec[],
    private readonly automaton: AhoCorasick,
    private readonly rulesOfPattern: readonly (readonly number[])[],
  ) {
    this.ruleCount = rules.length;
    this.wordMode = Uint8Array.from(rules, (rule) => (rule.matchMode === 'word' ? 1 : 0));
    this.hitOf = rules.map(({ id, pattern, level, category }) =>
      level === 'allow' ? null : { ruleId: id, pattern, level, category },
    );
  }

  match(input: string): WordHit[] {
    const scratch = this.scratch;
    normalizeInto(input, scratch);
    if (scratch.length === 0) return [];
    const { buffer, count } = this.automaton.scan(scratch.codes, scratch.length, this.matchBuffer);
    this.matchBuffer = buffer;
    if (count === 0) return [];

    const found: { rule: number; start: number; end: number }[] = [];
    const allowed: { start: number; end: number }[] = [];
    for (let m = 0; m < count; m += 1) {
      const pattern = buffer[m * 2];
      const end = buffer[m * 2 + 1];
      const start = end - this.automaton.patternLengths[pattern];
      const crossesBreak = spansHardBreak(scratch, start, end);
      const standsAlone = isBoundaryAt(scratch, start) && isBoundaryAt(scratch, end);
      for (const rule of this.rulesOfPattern[pattern]) {
        if ((crossesBreak || this.wordMode[rule] === 1) && !standsAlone) continue;
        if (this.hitOf[rule] === null) allowed.push({ start, end });
        else found.push({ rule, start, end });
      }
    }

    const hits: WordHit[] = [];
    for (const candidate of found) {
      if (allowed.some((allow) => allow.start <= candidate.start && candidate.end <= allow.end)) continue;
      const hit = this.hitOf[candidate.rule];
      if (hit === null) continue;
      hits.push({ ...hit, start: scratch.sourceStart[candidate.start], end: scratch.sourceEnd[candidate.end - 1] });
    }
    return hits.sort((a, b) => a.start - b.start || a.end - b.end);
  }
}
