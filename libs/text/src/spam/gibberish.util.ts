import { SPAM_THRESHOLDS } from './spam-thresholds';

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const KEYBOARD_POSITION = new Map<string, readonly [row: number, column: number]>(
  KEYBOARD_ROWS.flatMap((row, r) => [...row].map((key, c) => [key, [r, c]] as const)),
);
const VOWELS = new Set([...'aeiou']);
/** Han characters that carry no report on their own: interjections and sentence particles. */
const FILLERS = new Set([...'啊哈呵嗯哦喔噢额呃嘿嘻唉哎呀吧呢么啦嘛哇呜嗷']);
const HAN = /[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud8bf][\udc00-\udfff]/gu;

function isNeighbourPair(a: string, b: string): boolean {
  const first = KEYBOARD_POSITION.get(a);
  const second = KEYBOARD_POSITION.get(b);
  return !!first && !!second && first[0] === second[0] && Math.abs(first[1] - second[1]) === 1;
}

/** Whether one run of Latin letters looks typed without meaning (asdf, qwer, sdfsdf, xkqzvb). */
export function isMashedToken(token: string): boolean {
  const t = SPAM_THRESHOLDS;
  if (token.length < t.keyboardTokenMinLength) return false;
  let neighbours = 0;
  let vowels = 0;
  let consonantRun = 0;
  let longestConsonantRun = 0;
  for (let k = 0; k < token.length; k += 1) {
    const letter = token[k];
    if (k > 0 && isNeighbourPair(token[k - 1], letter)) neighbours += 1;
    if (VOWELS.has(letter)) {
      vowels += 1;
      consonantRun = 0;
    } else {
      consonantRun += 1;
      longestConsonantRun = Math.max(longestConsonantRun, consonantRun);
    }
  }
  if (neighbours / (token.length - 1) >= t.keyboardNeighbourShare) return true;
  if (token.length >= 4 && vowels === 0) return true;
  if (longestConsonantRun >= t.consonantRun) return true;
  return token.length >= 5 && vowels / token.length < t.vowelShare;
}

/**
 * Why the text has no meaning, or undefined. Chinese text (two Han characters or more) is
 * judged meaningless only when every Han character is an interjection; other text by its Latin
 * letters, token by token, or as digits only. `foldedInput` is the width-folded original, where
 * words are still apart; `normalized` is `normalizeText(input).text`.
 */
export function findGibberish(foldedInput: string, normalized: string): string | undefined {
  const han = normalized.match(HAN) ?? [];
  if (han.length >= SPAM_THRESHOLDS.meaningfulHanChars) {
    return han.every((char) => FILLERS.has(char)) ? `只有语气词「${han.join('')}」` : undefined;
  }
  const tokens = foldedInput.toLowerCase().match(/[a-z]+/g) ?? [];
  const letters = tokens.reduce((sum, token) => sum + token.length, 0);
  if (letters >= SPAM_THRESHOLDS.minLatinLetters) {
    const mashed = tokens.filter(isMashedToken);
    const mashedLetters = mashed.reduce((sum, token) => sum + token.length, 0);
    return mashedLetters / letters >= SPAM_THRESHOLDS.mashedLetterShare ? `乱码「${mashed.join(' ')}」` : undefined;
  }
  if (han.length === 0 && letters === 0 && /^\d+$/.test(normalized)) return '只有数字';
  return undefined;
}
