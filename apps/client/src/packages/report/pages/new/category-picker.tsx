import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { CategoryNode } from '@ssp/contracts';
import { useCategoryTree } from '@/hooks/use-category-tree';
import { findCategory } from '@/stores/category-catalog';

interface CategoryPickerProps {
  value: string | null;
  disabled: boolean;
  onChange: (code: string | null) => void;
}

function selectionText(tree: CategoryNode[] | null, code: string | null): string | null {
  if (!code) return null;
  const lookup = tree ? findCategory(tree, code) : null;
  if (!lookup) return code;
  return lookup.parent ? `${lookup.parent.name} · ${lookup.node.name}` : lookup.node.name;
}

/**
 * Optional two-level category choice (大类, then 小类). Residents who are unsure skip it and the
 * server classifies the text; a wrong guess is worse than none, so nothing is preselected.
 */
export function CategoryPicker({ value, disabled, onChange }: CategoryPickerProps) {
  const { state, reload } = useCategoryTree({ preferRemembered: true });
  const tree = state.status === 'ready' ? state.data : null;
  const [open, setOpen] = useState(false);
  const lookup = tree && value ? findCategory(tree, value) : null;
  const [expandedTop, setExpandedTop] = useState<string | null>(null);
  const activeTop = expandedTop ?? (lookup ? (lookup.parent ?? lookup.node).code : null);
  const label = selectionText(tree, value);

  const chooseTop = (top: CategoryNode) => {
    setExpandedTop(top.code);
    onChange(top.code);
    if (top.children.length === 0) setOpen(false);
  };
  const chooseSub = (code: string) => {
    onChange(code);
    setOpen(false);
  };

  return (
    <View id="category-picker" className="card category-picker">
      <View className="category-picker__heading">
        <Text className="card__title">问题类型（可选）</Text>
        {disabled ? null : (
          <Text id="toggle-categories" className="text-button" onClick={() => setOpen(!open)}>
            {open ? '收起' : label ? '更改' : '选择'}
          </Text>
        )}
      </View>
      <View className="category-picker__value">
        <Text id="category-value" className={label ? 'category-picker__selected' : 'card__text'}>
          {label ?? '不确定可以不选，系统会根据描述自动分类'}
        </Text>
        {label && !disabled ? (
          <Text id="clear-category" className="text-button" onClick={() => onChange(null)}>
            清除
          </Text>
        ) : null}
      </View>

      {open && state.status === 'error' ? (
        <Text className="category-picker__error" onClick={() => void reload()}>
          {state.error.message}，点击重试
        </Text>
      ) : null}
      {open && state.status === 'loading' ? <Text className="card__text">加载中…</Text> : null}
      {open && tree ? (
        <View className="category-picker__panel">
          <View className="category-picker__chips">
            {tree.map((top) => (
              <Text
                key={top.code}
                className={`category-picker__chip${activeTop === top.code ? ' category-picker__chip--active' : ''}`}
                data-code={top.code}
                onClick={() => chooseTop(top)}
              >
                {top.name}
              </Text>
            ))}
          </View>
          {tree
            .filter((top) => top.code === activeTop && top.children.length > 0)
            .map((top) => (
              <View key={top.code} className="category-picker__children">
                <Text className="field__label">{top.name}下的小类</Text>
                <View className="category-picker__chips">
                  {top.children.map((sub) => (
                    <Text
                      key={sub.code}
                      className={`category-picker__chip${value === sub.code ? ' category-picker__chip--active' : ''}`}
                      data-code={sub.code}
                      onClick={() => chooseSub(sub.code)}
                    >
                      {sub.name}
                    </Text>
                  ))}
                </View>
              </View>
            ))}
        </View>
      ) : null}
    </View>
  );
}
