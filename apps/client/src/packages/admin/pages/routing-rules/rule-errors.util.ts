import type { RuleValidationError } from '@ssp/rules';
import type { ApiError } from '@/services/api';

/** The problems the server listed with a refused save; empty when it listed none. */
export function validationErrorsOf(error: ApiError): RuleValidationError[] {
  const listed = error.details.errors;
  if (!Array.isArray(listed)) return [];
  return listed.filter(
    (item): item is RuleValidationError =>
      typeof item === 'object' && item !== null && typeof (item as RuleValidationError).path === 'string' && typeof (item as RuleValidationError).message === 'string',
  );
}

/** Messages for exactly `path`. */
export function messagesAt(errors: readonly RuleValidationError[], path: string): string[] {
  return errors.filter((error) => error.path === path).map((error) => error.message);
}

/** Messages for `path` and everything below it (`rules[2]` → `rules[2].when.all[0].value`). */
export function messagesUnder(errors: readonly RuleValidationError[], path: string): string[] {
  return errors
    .filter((error) => error.path === path || error.path.startsWith(`${path}.`) || error.path.startsWith(`${path}[`))
    .map((error) => error.message);
}
