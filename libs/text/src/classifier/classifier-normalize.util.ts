import { toSimplified } from '../normalize/simplified-chinese.util';

/**
 * The classifier's built-in text preparation ("builtin-v2"): NFKC (full width → half width), lower case,
 * traditional characters folded to simplified (a 繁體 report means the same as its simplified twin),
 * digit runs folded to one "0" (house and phone numbers say nothing about the category), and every run
 * of whitespace, punctuation, symbols, emoji and invisible characters turned into one space, which the
 * n-gram extractor treats as a boundary. Changing it changes saved models: bump the normaliser kind.
 */
export function normalizeForClassifier(text: string): string {
  return toSimplified(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/\p{Nd}+/gu, '0')
    .replace(/[\s\p{P}\p{S}\p{C}\p{M}\p{Extended_Pictographic}]+/gu, ' ')
    .trim();
}

/** Cuts a very long text to its head and tail so cost stays bounded (complaints state the issue early). */
export function clipText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const head = Math.ceil((maxLength * 2) / 3);
  return `${text.slice(0, head)} ${text.slice(text.length - (maxLength - head))}`;
}
