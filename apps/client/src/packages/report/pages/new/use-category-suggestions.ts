import { useEffect, useRef, useState } from 'react';
import type { CategorySuggestion } from '@ssp/contracts';
import { suggestCategories } from '@/services/api';
import { shownSuggestions, suggestionQuery } from './suggestion.util';

/** Long enough that typing a sentence makes one request, short enough to feel live. */
export const SUGGEST_DEBOUNCE_MS = 400;
const SUGGESTION_LIMIT = 3;
const CACHE_SIZE = 20;

/**
 * Live category suggestions for the description being typed. One request per pause in typing (not
 * per key), none for a text asked about before in this form, and an answer that arrives after the
 * text changed again is dropped so an old guess never replaces a newer one. A failure just shows
 * nothing: suggestions are a help, not a step of the form.
 */
export function useCategorySuggestions(description: string, enabled: boolean): CategorySuggestion[] {
  const [suggestions, setSuggestions] = useState<CategorySuggestion[]>([]);
  const cache = useRef(new Map<string, CategorySuggestion[]>());
  const generation = useRef(0);
  const query = enabled ? suggestionQuery(description) : null;

  useEffect(() => {
    const mine = ++generation.current;
    if (query === null) {
      setSuggestions([]);
      return;
    }
    const cached = cache.current.get(query);
    if (cached) {
      setSuggestions(cached);
      return;
    }
    const timer = setTimeout(() => {
      suggestCategories(query, SUGGESTION_LIMIT).then(
        (answer) => {
          const shown = shownSuggestions(Array.isArray(answer) ? answer : []);
          if (cache.current.size >= CACHE_SIZE) cache.current.clear();
          cache.current.set(query, shown);
          if (mine === generation.current) setSuggestions(shown);
        },
        () => {
          if (mine === generation.current) setSuggestions([]);
        },
      );
    }, SUGGEST_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  return query === null ? [] : suggestions;
}
