import { normalizeText } from '../normalize/normalize-text.util';
import { foldWidth } from '../normalize/width-fold.util';
import { findPersonalData } from '../pii/find-personal-data.util';
import { findAdContact } from './ad-contact.util';
import { findGibberish } from './gibberish.util';
import { findLink } from './link.util';
import { findRepetition } from './repetition.util';
import type { SpamSignal } from './spam-signal.types';

/**
 * Heuristic spam signals of a report text, each at most once, in the order LINK, AD_CONTACT,
 * GIBBERISH, REPEATED_CHARS; EMPTY_TEXT alone when nothing is left after normalisation. An
 * ordinary report ("路灯坏了", "井盖没了！！！", one with the resident's phone number) has none.
 * The caller decides what a signal does to a report (review, reject).
 */
export function spamSignals(input: string): SpamSignal[] {
  const normalized = normalizeText(input).text;
  if (normalized === '') return [{ code: 'EMPTY_TEXT', detail: '内容为空或只有符号、表情' }];
  const folded = foldWidth(input);
  const signals: SpamSignal[] = [];
  const link = findLink(input, folded, normalized);
  if (link) signals.push({ code: 'LINK', detail: `含有链接「${link}」` });
  const ad = findAdContact(normalized, () =>
    findPersonalData(input).some((hit) => hit.kind === 'mobile' || hit.kind === 'landline'),
  );
  if (ad) signals.push({ code: 'AD_CONTACT', detail: `疑似广告：${ad}` });
  const gibberish = findGibberish(folded, normalized);
  if (gibberish) signals.push({ code: 'GIBBERISH', detail: `无实际内容：${gibberish}` });
  const repetition = findRepetition(normalized);
  if (repetition) signals.push({ code: 'REPEATED_CHARS', detail: `内容重复：${repetition}` });
  return signals;
}
