/** The numbers behind each spam signal, in one place so they can be reviewed and tuned. */
export const SPAM_THRESHOLDS = {
  /** REPEATED_CHARS: the same letter (Han or Latin) this many times in a row (啊啊啊啊啊). */
  sameCharRun: 5,
  /** REPEATED_CHARS: the same digit this many times in a row (digits repeat in real numbers). */
  sameDigitRun: 8,
  /** REPEATED_CHARS: a phrase of 2–`phraseMaxLength` characters repeated this many times in a row. */
  phraseRepeats: 3,
  phraseMaxLength: 20,
  /** REPEATED_CHARS: texts of at least this many characters with fewer distinct ones than … */
  lowDiversityMinLength: 15,
  /** … this share of their length (Chinese complaints run at 0.5–0.9). */
  lowDiversityRatio: 0.2,
  /** GIBBERISH: a text with fewer Han characters than this is judged on its Latin letters. */
  meaningfulHanChars: 2,
  /** GIBBERISH: letters counted only when there are at least this many. */
  minLatinLetters: 3,
  /** GIBBERISH: share of the letters lying in mashed-looking tokens. */
  mashedLetterShare: 0.5,
  /** GIBBERISH, per token: share of consecutive letter pairs that are neighbours on a QWERTY row … */
  keyboardNeighbourShare: 0.75,
  /** … for tokens of at least this length (shorter tokens are judged on "no vowel" only at 4+). */
  keyboardTokenMinLength: 3,
  /** GIBBERISH, per token: this many consonants in a row (joined pinyin never exceeds 4: ngzh). */
  consonantRun: 5,
  /** GIBBERISH, per token of 5+ letters: vowels below this share of the letters. */
  vowelShare: 0.15,
  /** AD_CONTACT: characters (letters/digits) an id after a handle must have. */
  contactIdMinLength: 5,
} as const;
