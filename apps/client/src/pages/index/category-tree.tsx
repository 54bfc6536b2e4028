import { Text, View } from '@tarojs/components';
import type { CategoryNode } from '@ssp/contracts';

interface CategoryTreeProps {
  categories: CategoryNode[];
  onSelect: (code: string) => void;
}

/** Top categories as sections, their subcategories as chips; both open the category detail page. */
export function CategoryTree({ categories, onSelect }: CategoryTreeProps) {
  return (
    <View id="category-tree" className="category-tree">
      {categories.map((top) => (
        <View key={top.code} className="category-group" data-code={top.code}>
          <View className="category-group__header" onClick={() => onSelect(top.code)}>
            <View className="category-group__heading">
              <Text className="category-group__name">{top.name}</Text>
              <Text className="category-group__arrow">›</Text>
            </View>
            {top.description ? <Text className="category-group__description">{top.description}</Text> : null}
          </View>
          {top.children.length > 0 ? (
            <View className="category-group__items">
              {top.children.map((sub) => (
                <View key={sub.code} className="category-item" data-code={sub.code} onClick={() => onSelect(sub.code)}>
                  <Text className="category-item__name">{sub.name}</Text>
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
