import { INTAKE_LIMITS, type CategorySuggestion } from '@ssp/contracts';

/** Fewer characters say too little to classify ("井盖" alone could be missing, loose or noisy). */
export const SUGGEST_MIN_CHARS = 4;
/** Below this the classifier is guessing; a guess shown as a suggestion misleads more than it helps. */
export const MIN_SHOWN_CONFIDENCE = 0.15;
const LIKELY_CONFIDENCE = 0.6;

/** The text to ask about, or null when it is too short to be worth a request. */
export function suggestionQuery(description: string): string | null {
  const text = description.trim();
  // Count characters, not UTF-16 units: an emoji is one character to the resident.
  if (Array.from(text).length < SUGGEST_MIN_CHARS) return null;
  return text.slice(0, INTAKE_LIMITS.suggestTextMaxChars);
}

export function likelihoodText(confidence: number): '很可能' | '可能' {
  return confidence >= LIKELY_CONFIDENCE ? '很可能' : '可能';
}

export function shownSuggestions(suggestions: readonly CategorySuggestion[]): CategorySuggestion[] {
  return suggestions.filter((suggestion) => suggestion.confidence >= MIN_SHOWN_CONFIDENCE);
}

/** `市容环境 · 垃圾满溢`, or the name alone for a top-level category. */
export function suggestionName(suggestion: CategorySuggestion): string {
  return suggestion.parentName ? `${suggestion.parentName} · ${suggestion.name}` : suggestion.name;
}
