import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { ClassificationRuleView } from '@ssp/contracts';
import { CategoryPicker } from '@/components/category-picker';
import { createClassificationRule, toApiError } from '@/services/api';

export const KEYWORD_MAX_CHARS = 32;

/** What stops a keyword rule from being added, as the message to show; null when it can go. */
export function classificationRuleProblem(keyword: string, categoryCode: string | null): string | null {
  if (keyword.trim() === '') return '请填写关键词';
  if (!categoryCode) return '请选择关键词对应的小类';
  return null;
}

interface ClassificationRuleFormProps {
  onAdded: (rule: ClassificationRuleView) => void;
  onCancel: () => void;
}

/** keyword → 小类: a report whose text contains the keyword gets that category, whatever the model says. */
export function ClassificationRuleForm({ onAdded, onCancel }: ClassificationRuleFormProps) {
  const [keyword, setKeyword] = useState('');
  const [categoryCode, setCategoryCode] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const problem = classificationRuleProblem(keyword, categoryCode);
    if (problem || !categoryCode) {
      setError(problem);
      return;
    }
    setSending(true);
    setError(null);
    try {
      onAdded(await createClassificationRule({ keyword: keyword.trim(), categoryCode }));
    } catch (failure) {
      const apiError = toApiError(failure);
      setError(apiError.status === 409 ? `关键词「${keyword.trim()}」已有规则，请在列表中修改` : apiError.message);
      setSending(false);
    }
  };

  return (
    <View id="classification-rule-form" className="card">
      <Text className="card__title">添加分类关键词</Text>
      <View className="field">
        <Text className="field__label">关键词（描述中含有该词即归入所选小类）</Text>
        <Input
          id="classification-keyword"
          className="field__input"
          value={keyword}
          maxlength={KEYWORD_MAX_CHARS}
          placeholder="例如：共享单车"
          onInput={(event) => setKeyword(event.detail.value)}
        />
      </View>
      <View className="field">
        <CategoryPicker
          embedded
          leafOnly
          title="归入小类"
          placeholder="请选择一个小类"
          value={categoryCode}
          disabled={sending}
          onChange={setCategoryCode}
        />
      </View>
      {error ? (
        <View id="classification-rule-error" className="classification-rules__error" role="alert">
          <Text>{error}</Text>
        </View>
      ) : null}
      <View className="button-row">
        <Button className="secondary-button" disabled={sending} onClick={onCancel}>
          取消
        </Button>
        <Button
          id="classification-rule-submit"
          className="primary-button"
          loading={sending}
          disabled={sending}
          onClick={() => void submit()}
        >
          添加
        </Button>
      </View>
    </View>
  );
}
