import { Converter } from 'opencc-js';

type Convert = (text: string) => string;

let converters: readonly Convert[] | undefined;

/**
 * OpenCC's generic traditional → mainland converter first, then the Hong Kong one for the variants
 * only Hong Kong writes (衞, 敍, 枱, 粧 …). Taiwan's table adds nothing a character-level fold
 * wants (it would turn 么 into 幺). Built on first use: ~30 ms, then kept.
 */
function loadConverters(): readonly Convert[] {
  converters ??= [Converter({ from: 't', to: 'cn' }), Converter({ from: 'hk', to: 'cn' })];
  return converters;
}

/** True for the code points OpenCC may convert: the CJK ideograph blocks. */
export function isHanCodePoint(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x323af)
  );
}

/**
 * The simplified form of one Han character, character by character (no phrase context), so that a
 * pattern and a text are folded identically whatever surrounds them. Callers cache the result.
 */
export function toSimplifiedChar(char: string): string {
  for (const convert of loadConverters()) {
    const converted = convert(char);
    if (converted !== char) return converted;
  }
  return char;
}

const simplifiedCache = new Map<string, string>();

/** A whole text folded to simplified characters, character by character (see {@link toSimplifiedChar}). */
export function toSimplified(text: string): string {
  let out = '';
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (!isHanCodePoint(cp)) {
      out += char;
      continue;
    }
    let simplified = simplifiedCache.get(char);
    if (simplified === undefined) {
      simplified = toSimplifiedChar(char);
      simplifiedCache.set(char, simplified);
    }
    out += simplified;
  }
  return out;
}
