/**
 * Lookalike characters folded onto the Latin letter or digit they imitate. Applied after NFKC and
 * lower-casing, so only lower-case forms and characters NFKC leaves alone are listed: Cyrillic and
 * Greek letters that look like Latin ones, Latin small capitals and a few IPA letters, and the
 * dingbat / negative circled and squared letters and digits that NFKC does not decompose.
 * Where a Greek capital and its lower case imitate different Latin letters one had to win: the
 * capital for Η/η → h and Ν/ν → n, the minuscule for Υ/υ → u (fυck is the common disguise).
 */
export const HOMOGLYPH_PAIRS: readonly (readonly [from: string, to: string])[] = [
  // Cyrillic
  ['а', 'a'], ['в', 'b'], ['е', 'e'], ['ё', 'e'], ['ѐ', 'e'], ['з', '3'], ['и', 'u'], ['к', 'k'],
  ['м', 'm'], ['н', 'h'], ['о', 'o'], ['п', 'n'], ['р', 'p'], ['с', 'c'], ['т', 't'], ['у', 'y'],
  ['х', 'x'], ['ь', 'b'], ['ѕ', 's'], ['і', 'i'], ['ї', 'i'], ['ј', 'j'], ['ԁ', 'd'], ['ԛ', 'q'],
  ['ԝ', 'w'], ['ӏ', 'l'], ['һ', 'h'], ['ү', 'y'], ['ѵ', 'v'], ['ɡ', 'g'],
  // Greek
  ['α', 'a'], ['β', 'b'], ['ε', 'e'], ['ζ', 'z'], ['η', 'h'], ['ι', 'i'], ['κ', 'k'], ['μ', 'm'],
  ['ν', 'n'], ['ο', 'o'], ['ρ', 'p'], ['τ', 't'], ['υ', 'u'], ['χ', 'x'], ['ω', 'w'], ['ϲ', 'c'],
  ['ϳ', 'j'],
  // Latin small capitals and IPA letters
  ['ᴀ', 'a'], ['ʙ', 'b'], ['ᴄ', 'c'], ['ᴅ', 'd'], ['ᴇ', 'e'], ['ꜰ', 'f'], ['ɢ', 'g'], ['ʜ', 'h'],
  ['ɪ', 'i'], ['ᴊ', 'j'], ['ᴋ', 'k'], ['ʟ', 'l'], ['ᴍ', 'm'], ['ɴ', 'n'], ['ᴏ', 'o'], ['ᴘ', 'p'],
  ['ʀ', 'r'], ['ꜱ', 's'], ['ᴛ', 't'], ['ᴜ', 'u'], ['ᴠ', 'v'], ['ᴡ', 'w'], ['ʏ', 'y'], ['ᴢ', 'z'],
  ['ı', 'i'], ['ƒ', 'f'], ['ɑ', 'a'], ['ɩ', 'i'], ['ɵ', 'o'], ['ø', 'o'], ['ł', 'l'], ['đ', 'd'], ['ħ', 'h'],
];

/** Ranges of letters/digits drawn inside shapes that NFKC keeps as symbols: [first, last, first value]. */
export const ENCLOSED_ALPHANUMERIC_RANGES: readonly (readonly [first: number, last: number, kind: 'digit' | 'letter', firstValue: number])[] = [
  [0x2776, 0x277f, 'digit', 1], // ❶–❿ dingbat negative circled digits
  [0x2780, 0x2789, 'digit', 1], // ➀–➉ dingbat circled sans-serif digits
  [0x278a, 0x2793, 'digit', 1], // ➊–➓ dingbat negative circled sans-serif digits
  [0x24eb, 0x24f4, 'digit', 11], // ⓫–⓴ negative circled 11–20
  [0x24f5, 0x24fe, 'digit', 1], // ⓵–⓾ double circled digits
  [0x24ff, 0x24ff, 'digit', 0], // ⓿
  [0x1f150, 0x1f169, 'letter', 0], // 🅐–🅩 negative circled capitals
  [0x1f170, 0x1f189, 'letter', 0], // 🅰–🆉 negative squared capitals
  [0x1f1e6, 0x1f1ff, 'letter', 0], // 🇦–🇿 regional indicator symbols
];
