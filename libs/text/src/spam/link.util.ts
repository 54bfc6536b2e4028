const TOP_LEVEL_DOMAINS =
  '(?:com|cn|net|org|top|xyz|vip|cc|co|io|me|info|site|shop|club|wang|ink|live|app|link|icu|biz|tv|tk|pw)';
const DOT = '(?:\\.|。|．|·|点|點|dot|[(（\\[【]\\s*(?:\\.|。|点|點)\\s*[)）\\]】])';

/** Patterns on the width-folded original text, where separators are still where they were typed. */
const WRITTEN_LINKS: readonly RegExp[] = [
  /https?:\/\/[^\s，。！？、]+/i,
  new RegExp(`www(?:\\s*${DOT}\\s*[a-z0-9-]+)+`, 'i'),
  new RegExp(`[a-z0-9][a-z0-9-]*\\s*${DOT}\\s*${TOP_LEVEL_DOMAINS}(?![a-z])`, 'i'),
];

/** Patterns on normalised text, which sees through spacing (w w w, h t t p) and 点com. */
const DISGUISED_LINKS: readonly RegExp[] = [/www[a-z0-9]/, /https?[a-z0-9]{2,}/, new RegExp(`(?:点|dot)${TOP_LEVEL_DOMAINS}(?![a-z])`)];

/**
 * The first link-like text found, as written in `input` (or as normalised, for one seen only
 * through spacing). `foldedInput` is `foldWidth(input)`, of the same length.
 */
export function findLink(input: string, foldedInput: string, normalized: string): string | undefined {
  for (const pattern of WRITTEN_LINKS) {
    const match = pattern.exec(foldedInput);
    if (match) return input.slice(match.index, match.index + match[0].length);
  }
  for (const pattern of DISGUISED_LINKS) {
    const match = pattern.exec(normalized);
    if (match) return match[0];
  }
  return undefined;
}
