import type { RuleSet } from './rule.types';

/** Known codes to check a rule set against; a list left out is not checked. */
export interface RuleValidationContext {
  readonly departmentCodes?: Iterable<string>;
  readonly categoryCodes?: Iterable<string>;
  /** City, district and street codes that `region` and `regionAncestors` conditions may name. */
  readonly regionCodes?: Iterable<string>;
  readonly slaPolicyCodes?: Iterable<string>;
}

export interface RuleValidationError {
  /** Where in the input: `rules[3].when.all[0].value`; empty for the whole input. */
  readonly path: string;
  /** Chinese, for admins. */
  readonly message: string;
}

export type RuleSetValidationResult =
  | { readonly ok: true; readonly ruleSet: RuleSet }
  | { readonly ok: false; readonly errors: readonly RuleValidationError[] };
