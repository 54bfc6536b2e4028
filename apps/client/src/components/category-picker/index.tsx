import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { CategoryNode } from '@ssp/contracts';
import { useCategoryTree } from '@/hooks/use-category-tree';
import { findCategory } from '@/stores/category-catalog';
import './index.css';

interface CategoryPickerProps {
  value: string | null;
  disabled?: boolean;
  onChange: (code: string | null) => void;
  title?: string;
  /** Shown while nothing is chosen. */
  placeholder?: string;
  /** Only a 小类 can be chosen (a correction by staff): a tap on a 大类 just opens it. */
  leafOnly?: boolean;
  /** Inside another card (a form) instead of a card of its own. */
  embedded?: boolean;
}

function selectionText(tree: CategoryNode[] | null, code: string | null): string | null {
  if (!code) return null;
  const lookup = tree ? findCategory(tree, code) : null;
  if (!lookup) return code;
  return lookup.parent ? `${lookup.parent.name} · ${lookup.node.name}` : lookup.node.name;
}

/**
 * Two-level category choice (大类, then 小类). On the report form it is optional: residents who are
 * unsure skip it and the server classifies the text; a wrong guess is worse than none, so nothing is
 * preselected. Admins and staff use it to correct a category.
 */
export function CategoryPicker({
  value,
  disabled = false,
  onChange,
  title = '问题类型（可选）',
  placeholder = '不确定可以不选，系统会根据描述自动分类',
  leafOnly = false,
  embedded = false,
}: CategoryPickerProps) {
  const { state, reload } = useCategoryTree({ preferRemembered: true });
  const tree = state.status === 'ready' ? state.data : null;
  const [open, setOpen] = useState(false);
  const lookup = tree && value ? findCategory(tree, value) : null;
  const [expandedTop, setExpandedTop] = useState<string | null>(null);
  const activeTop = expandedTop ?? (lookup ? (lookup.parent ?? lookup.node).code : null);
  const label = selectionText(tree, value);

  const chooseTop = (top: CategoryNode) => {
    setExpandedTop(top.code);
    if (leafOnly && top.children.length > 0) return;
    onChange(top.code);
    if (top.children.length === 0) setOpen(false);
  };
  const chooseSub = (code: string) => {
    onChange(code);
    setOpen(false);
  };

  return (
    <View id="category-picker" className={embedded ? 'category-picker' : 'card category-picker'}>
      <View className="category-picker__heading">
        <Text className={embedded ? 'field__label' : 'card__title'}>{title}</Text>
        {disabled ? null : (
          <Text id="toggle-categories" className="text-button" onClick={() => setOpen(!open)}>
            {open ? '收起' : label ? '更改' : '选择'}
          </Text>
        )}
      </View>
      <View className="category-picker__value">
        <Text id="category-value" className={label ? 'category-picker__selected' : 'card__text'}>
          {label ?? placeholder}
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
