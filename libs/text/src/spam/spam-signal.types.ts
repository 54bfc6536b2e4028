/**
 * `LINK`: a URL or a disguised one (www…, xx.com, xx点com, xx dot cn).
 * `AD_CONTACT`: a contact handle with an id (加V abc123, vx: …, QQ 12345678), or a handle / phone
 * number next to selling words (兼职, 日结, 贷款, 返利 …) outside a complaint about ads.
 * `GIBBERISH`: no Chinese (fewer than two Han characters) and mostly keyboard mashing or random
 * letters, or digits only; or Chinese made only of interjections (啊哦嗯…).
 * `EMPTY_TEXT`: nothing but spaces, punctuation, emoji or invisible characters.
 * `REPEATED_CHARS`: one character or phrase repeated over and over.
 * See `SPAM_THRESHOLDS` for the numbers.
 */
export type SpamSignalCode = 'LINK' | 'AD_CONTACT' | 'GIBBERISH' | 'EMPTY_TEXT' | 'REPEATED_CHARS';

export interface SpamSignal {
  readonly code: SpamSignalCode;
  /** For staff, in Chinese, quoting what triggered it. */
  readonly detail: string;
}
