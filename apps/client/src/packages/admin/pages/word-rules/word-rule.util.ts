import {
  WORD_RULE_CATEGORY_LABELS,
  WORD_RULE_LEVEL_LABELS,
  type WordRuleInput,
  type WordRuleMatchMode,
  type WordRuleView,
} from '@ssp/contracts';

/** The server's limit on a pattern. */
export const PATTERN_MAX_CHARS = 64;
export const NOTE_MAX_CHARS = 200;

export const MATCH_MODE_LABELS: Record<WordRuleMatchMode, string> = {
  substring: '包含即命中',
  word: '整词匹配',
};

/** What the list says about a rule besides its pattern. */
export function ruleSummary(rule: WordRuleView): string {
  return `${WORD_RULE_CATEGORY_LABELS[rule.category]} · ${MATCH_MODE_LABELS[rule.matchMode]}`;
}

export function levelLabel(rule: Pick<WordRuleView, 'level'>): string {
  return WORD_RULE_LEVEL_LABELS[rule.level];
}

/** What stops the rule from being added, as the message to show; null when it can go. */
export function wordRuleProblem(input: WordRuleInput): string | null {
  const pattern = input.pattern.trim();
  if (pattern === '') return '请填写要匹配的词';
  if (Array.from(pattern).length > PATTERN_MAX_CHARS) return `每条最多 ${PATTERN_MAX_CHARS} 个字`;
  return null;
}

export function wordRuleRequestOf(input: WordRuleInput): WordRuleInput {
  const note = input.note?.trim() ?? '';
  return { ...input, pattern: input.pattern.trim(), ...(note === '' ? { note: null } : { note }) };
}
