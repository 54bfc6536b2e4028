/**
 * Size limits checked by validateRuleSet. Rule sets come from an admin form, but the API accepts JSON,
 * so a hostile or broken client must get a clean refusal, never a stack overflow or a minute of CPU.
 * Generous for real use: the seed set has ~40 rules of depth ≤ 3.
 */
export const RULE_LIMITS = {
  maxRules: 2_000,
  /** Nesting of all/any/not, the rule's `when` being level 1. */
  maxDepth: 10,
  /** Condition nodes (groups and fact tests) in one rule. */
  maxConditionsPerRule: 100,
  /** Condition nodes in the whole set. */
  maxConditions: 40_000,
  /** Items in one list value (codes, words, patterns). */
  maxValues: 200,
  maxIdLength: 64,
  maxNameLength: 60,
  maxNoteLength: 500,
  maxWordLength: 50,
  maxCodeLength: 32,
  /** Characters of JSON text parseRuleSetJson accepts. */
  maxJsonLength: 2_000_000,
  /** Validation stops collecting after this many errors. */
  maxErrors: 50,
} as const;
