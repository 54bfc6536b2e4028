export type WordRuleErrorCode = 'EMPTY_PATTERN' | 'DUPLICATE_ID' | 'INVALID_LEVEL' | 'INVALID_CATEGORY' | 'INVALID_MATCH_MODE';

/** A rule that cannot be compiled; `ruleId` names it so an admin can fix it. */
export class WordRuleError extends Error {
  constructor(
    readonly code: WordRuleErrorCode,
    readonly ruleId: string,
    message: string,
  ) {
    super(message);
    this.name = 'WordRuleError';
  }
}
