import { Text, View } from '@tarojs/components';
import type { CategorySuggestion } from '@ssp/contracts';
import { likelihoodText, suggestionName } from './suggestion.util';

interface CategorySuggestionsProps {
  suggestions: readonly CategorySuggestion[];
  disabled: boolean;
  onChoose: (code: string) => void;
}

/** What the classifier reads in the description so far; a tap makes it the report's category. */
export function CategorySuggestions({ suggestions, disabled, onChoose }: CategorySuggestionsProps) {
  if (suggestions.length === 0) return null;
  return (
    <View id="category-suggestions" className="category-suggestions">
      <Text className="category-suggestions__label">根据描述，问题类型可能是（点击选用）：</Text>
      <View className="category-suggestions__list">
        {suggestions.map((suggestion) => (
          <View
            key={suggestion.code}
            className="category-suggestion"
            data-code={suggestion.code}
            onClick={disabled ? undefined : () => onChoose(suggestion.code)}
          >
            <Text className="category-suggestion__likelihood">{likelihoodText(suggestion.confidence)}</Text>
            <Text className="category-suggestion__name">{suggestionName(suggestion)}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
