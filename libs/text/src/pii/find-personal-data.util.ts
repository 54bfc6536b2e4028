import { foldWidth } from '../normalize/width-fold.util';
import { isValidResidentIdNumber } from './id-card.util';
import type { PiiHit, PiiKind } from './pii.types';

/** A detector: a sticky-free global regex with named groups and the masking of one match. */
interface Detector {
  readonly kind: PiiKind;
  readonly pattern: RegExp;
  accept?(match: RegExpExecArray): boolean;
  /** Index ranges (relative to the match) whose characters stay visible; the rest of the digits/letters are starred. */
  visible(match: RegExpExecArray): readonly (readonly [number, number])[];
}

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE_LETTER = '[A-HJ-NP-Z]';
const PLATE_CHAR = '[A-HJ-NP-Z0-9]';

const DETECTORS: readonly Detector[] = [
  {
    kind: 'id_card',
    pattern: /(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/dg,
    accept: (match) => isValidResidentIdNumber(match[0]),
    visible: (match) => [[0, 4], [match[0].length - 4, match[0].length]],
  },
  {
    kind: 'mobile',
    pattern: /(?<![\d+])(?<prefix>(?:\(\+?86\)|(?:\+|00)?86)[ -]?)?(?<number>1[3-9]\d(?:[ -]?\d){8})(?!\d)/dg,
    visible: (match) => {
      const numberAt = relative(match, 'number');
      return [[0, numberAt + 3], ...lastDigits(match[0], 4)];
    },
  },
  {
    kind: 'landline',
    pattern: /(?<![\d+])(?<area>\((?:010|02\d|0[3-9]\d{2})\)|(?:010|02\d|0[3-9]\d{2}))[ -]?(?<local>[2-9]\d{2,3}[ -]?\d{4})(?![\d])/dg,
    visible: (match) => {
      const localAt = relative(match, 'local');
      return [[0, localAt + 2], ...lastDigits(match[0], 2)];
    },
  },
  {
    kind: 'plate',
    pattern: new RegExp(
      `(?<region>[${PROVINCES}]${PLATE_LETTER})[·•・. -]?(?<serial>[DF]${PLATE_CHAR}\\d{4}|\\d{5}[DF]|${PLATE_CHAR}{4}[A-HJ-NP-Z0-9挂学警])(?![A-Za-z0-9])`,
      'dgi',
    ),
    accept: (match) => (match.groups?.serial.match(/\d/g)?.length ?? 0) >= 3,
    visible: (match) => [[0, relative(match, 'region') + 2], [match[0].length - 2, match[0].length]],
  },
];

function relative(match: RegExpExecArray, group: string): number {
  const at = match.indices?.groups?.[group];
  return at ? at[0] - match.index : 0;
}

/** The range covering the last `count` digits of `text`. */
function lastDigits(text: string, count: number): [number, number][] {
  let seen = 0;
  for (let k = text.length - 1; k >= 0; k -= 1) {
    if (text[k] >= '0' && text[k] <= '9') seen += 1;
    if (seen === count) return [[k, text.length]];
  }
  return [[0, text.length]];
}

/** `original` with the digits and letters outside `visible` starred (`folded` is its width-folded form). */
function maskMatch(original: string, folded: string, visible: readonly (readonly [number, number])[]): string {
  let out = '';
  for (let k = 0; k < original.length; k += 1) {
    const shown = visible.some(([from, to]) => k >= from && k < to);
    out += shown || !/[0-9A-Za-z]/.test(folded[k]) ? original[k] : '*';
  }
  return out;
}

function canonicalValue(kind: PiiKind, match: RegExpExecArray): string {
  switch (kind) {
    case 'plate':
      return match[0].replace(/[·•・. -]/g, '').toUpperCase();
    case 'mobile':
      return (match.groups?.number ?? '').replace(/\D/g, '');
    case 'landline':
    case 'id_card':
      return match[0].replace(/[^\dXx]/g, '').toUpperCase();
  }
}

/**
 * Mobile and landline numbers, resident ID numbers and vehicle plates in `input` (full-width
 * digits and letters count), by start offset. Invalid ID numbers (bad date or check digit) are not
 * reported; where two detections overlap, the earlier, then longer, wins.
 */
export function findPersonalData(input: string): PiiHit[] {
  const text = foldWidth(input);
  const hits: PiiHit[] = [];
  for (const detector of DETECTORS) {
    detector.pattern.lastIndex = 0;
    for (let match = detector.pattern.exec(text); match; match = detector.pattern.exec(text)) {
      if (detector.accept && !detector.accept(match)) continue;
      const start = match.index;
      const end = start + match[0].length;
      const masked = maskMatch(input.slice(start, end), match[0], detector.visible(match));
      hits.push({ kind: detector.kind, start, end, value: canonicalValue(detector.kind, match), masked });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PiiHit[] = [];
  for (const hit of hits) {
    const last = kept[kept.length - 1];
    if (!last || hit.start >= last.end) kept.push(hit);
  }
  return kept;
}

/** `input` with every personal datum replaced by its masked form (see `PiiHit.masked`). */
export function maskPersonalData(input: string): string {
  let out = '';
  let cursor = 0;
  for (const hit of findPersonalData(input)) {
    out += input.slice(cursor, hit.start) + hit.masked;
    cursor = hit.end;
  }
  return out + input.slice(cursor);
}
