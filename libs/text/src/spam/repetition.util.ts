import { SPAM_THRESHOLDS } from './spam-thresholds';

function isDigit(unit: number): boolean {
  return unit >= 0x30 && unit <= 0x39;
}

/** The first phrase of `length` units repeated `repeats` times in a row (not all digits), or undefined. */
function repeatedPhrase(text: string, length: number, repeats: number): string | undefined {
  const needed = length * (repeats - 1);
  let run = 0;
  for (let k = 0; k + length < text.length; k += 1) {
    run = text.charCodeAt(k) === text.charCodeAt(k + length) ? run + 1 : 0;
    if (run < needed) continue;
    const phrase = text.slice(k + 1 - needed, k + 1 - needed + length);
    if (![...phrase].every((char) => isDigit(char.charCodeAt(0)))) return phrase;
  }
  return undefined;
}

/**
 * Why the normalised text is repetitive, or undefined: one letter `sameCharRun` times in a row (a
 * digit `sameDigitRun` times), a phrase repeated `phraseRepeats` times in a row, or a long text
 * made of very few distinct characters.
 */
export function findRepetition(normalized: string): string | undefined {
  const t = SPAM_THRESHOLDS;
  let run = 1;
  for (let k = 1; k < normalized.length; k += 1) {
    const unit = normalized.charCodeAt(k);
    run = unit === normalized.charCodeAt(k - 1) ? run + 1 : 1;
    if (run >= (isDigit(unit) ? t.sameDigitRun : t.sameCharRun)) return `同一字符「${normalized[k]}」连续重复`;
  }
  for (let length = 2; length <= t.phraseMaxLength && length * t.phraseRepeats <= normalized.length; length += 1) {
    const phrase = repeatedPhrase(normalized, length, t.phraseRepeats);
    if (phrase) return `「${phrase}」连续重复`;
  }
  if (normalized.length >= t.lowDiversityMinLength && new Set(normalized).size / normalized.length < t.lowDiversityRatio) {
    return '重复的少数几个字符';
  }
  return undefined;
}
