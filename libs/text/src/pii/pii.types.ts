/**
 * `mobile`: mainland mobile number (1[3-9] + 9 digits; spaces/dashes between digits, +86/0086/86
 * prefix). `landline`: number with a valid area code (010, 02x, 0[3-9]xx; parentheses, space or
 * dash). `id_card`: 18-character resident ID whose date of birth and check digit are valid.
 * `plate`: vehicle plate, ordinary (苏A12345) or new-energy (苏AD12345, 苏A12345D), with an optional
 * separator after the city letter (苏A·D12345).
 */
export type PiiKind = 'mobile' | 'landline' | 'id_card' | 'plate';

export interface PiiHit {
  readonly kind: PiiKind;
  /** UTF-16 offsets into the original input, `[start, end)`. */
  readonly start: number;
  readonly end: number;
  /** Canonical form: digits only for numbers (with X for IDs), upper case without separator for plates. */
  readonly value: string;
  /** What public views show instead, e.g. 138****5678, 025-84****34, 3201**********123X, 苏A***45. */
  readonly masked: string;
}
