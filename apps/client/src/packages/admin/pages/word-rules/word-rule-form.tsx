import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import {
  WORD_RULE_CATEGORIES,
  WORD_RULE_CATEGORY_LABELS,
  WORD_RULE_LEVELS,
  WORD_RULE_LEVEL_LABELS,
  WORD_RULE_MATCH_MODES,
  type WordRuleInput,
  type WordRuleLevel,
  type WordRuleView,
} from '@ssp/contracts';
import { createWordRule, toApiError } from '@/services/api';
import { MATCH_MODE_LABELS, NOTE_MAX_CHARS, PATTERN_MAX_CHARS, wordRuleProblem, wordRuleRequestOf } from './word-rule.util';

interface ChoiceProps<T extends string> {
  name: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
}

function Choice<T extends string>({ name, options, labels, value, onChange }: ChoiceProps<T>) {
  return (
    <View className="word-rule-form__choices" data-name={name}>
      {options.map((option) => (
        <Text
          key={option}
          className={`word-rule-form__choice${option === value ? ' word-rule-form__choice--active' : ''}`}
          data-value={option}
          onClick={() => onChange(option)}
        >
          {labels[option]}
        </Text>
      ))}
    </View>
  );
}

interface WordRuleFormProps {
  level: WordRuleLevel;
  onAdded: (rule: WordRuleView) => void;
  onCancel: () => void;
}

/** A new word for the filter: the pattern, what to do with it, what kind of word it is, how it matches. */
export function WordRuleForm({ level, onAdded, onCancel }: WordRuleFormProps) {
  const [input, setInput] = useState<WordRuleInput>({
    pattern: '',
    level,
    category: 'other',
    matchMode: 'substring',
    note: '',
  });
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = (part: Partial<WordRuleInput>) => setInput((current) => ({ ...current, ...part }));

  const submit = async () => {
    const problem = wordRuleProblem(input);
    if (problem) {
      setError(problem);
      return;
    }
    setSending(true);
    setError(null);
    try {
      onAdded(await createWordRule(wordRuleRequestOf(input)));
    } catch (failure) {
      const apiError = toApiError(failure);
      setError(apiError.status === 409 ? `「${input.pattern.trim()}」已在词表中，请在列表中修改它` : apiError.message);
      setSending(false);
    }
  };

  return (
    <View id="word-rule-form" className="card">
      <Text className="card__title">添加敏感词</Text>
      <View className="field">
        <Text className="field__label">词语（最多 {PATTERN_MAX_CHARS} 个字）</Text>
        <Input
          id="word-rule-pattern"
          className="field__input"
          value={input.pattern}
          maxlength={PATTERN_MAX_CHARS}
          placeholder="例如：加微信"
          onInput={(event) => change({ pattern: event.detail.value })}
        />
      </View>
      <View className="field">
        <Text className="field__label">处理方式</Text>
        <Choice name="level" options={WORD_RULE_LEVELS} labels={WORD_RULE_LEVEL_LABELS} value={input.level} onChange={(value) => change({ level: value })} />
      </View>
      <View className="field">
        <Text className="field__label">类别</Text>
        <Choice
          name="category"
          options={WORD_RULE_CATEGORIES}
          labels={WORD_RULE_CATEGORY_LABELS}
          value={input.category}
          onChange={(value) => change({ category: value })}
        />
      </View>
      <View className="field">
        <Text className="field__label">匹配方式（整词匹配不会命中更长词语中的部分，如「法人」不命中「执法人员」）</Text>
        <Choice
          name="matchMode"
          options={WORD_RULE_MATCH_MODES}
          labels={MATCH_MODE_LABELS}
          value={input.matchMode ?? 'substring'}
          onChange={(value) => change({ matchMode: value })}
        />
      </View>
      <View className="field">
        <Text className="field__label">备注（选填）</Text>
        <Input
          id="word-rule-note"
          className="field__input"
          value={input.note ?? ''}
          maxlength={NOTE_MAX_CHARS}
          placeholder="为什么加这条"
          onInput={(event) => change({ note: event.detail.value })}
        />
      </View>
      {error ? (
        <View id="word-rule-error" className="word-rules__error" role="alert">
          <Text>{error}</Text>
        </View>
      ) : null}
      <View className="button-row">
        <Button className="secondary-button" disabled={sending} onClick={onCancel}>
          取消
        </Button>
        <Button id="word-rule-submit" className="primary-button" loading={sending} disabled={sending} onClick={() => void submit()}>
          添加
        </Button>
      </View>
    </View>
  );
}
