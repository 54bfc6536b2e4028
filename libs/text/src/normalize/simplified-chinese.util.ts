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
/** 1 for a BMP code unit already known to fold to itself: most of any text, skipped without a lookup. */
const keepsItself = new Uint8Array(0x10000);

function cachedSimplified(char: string): string {
  let simplified = simplifiedCache.get(char);
  if (simplified === undefined) {
    simplified = toSimplifiedChar(char);
    simplifiedCache.set(char, simplified);
  }
  return simplified;
}

/**
 * A whole text folded to simplified characters, character by character (see {@link toSimplifiedChar}).
 * Walks code points (a surrogate pair is one character, a lone surrogate stays as it is) and copies
 * only the stretches between changed characters; a text with nothing to fold is returned as is.
 */
export function toSimplified(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (!isHanCodePoint(cp) || (width === 1 && keepsItself[cp] === 1)) {
      i += width - 1;
      continue;
    }
    const char = text.slice(i, i + width);
    const simplified = cachedSimplified(char);
    if (simplified === char) {
      if (width === 1) keepsItself[cp] = 1;
    } else {
      out += text.slice(copiedUpTo, i) + simplified;
      copiedUpTo = i + width;
    }
    i += width - 1;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}
