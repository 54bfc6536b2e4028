import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WORD_RULE_LEVELS, WORD_RULE_LEVEL_LABELS, type WordRuleInput, type WordRuleView } from '@ssp/contracts';
import { deleteWordRule, toApiError, updateWordRule } from '@/services/api';
import { ruleSummary } from './word-rule.util';

interface WordRuleRowProps {
  rule: WordRuleView;
  onChanged: (rule: WordRuleView) => void;
  onDeleted: (id: string) => void;
}

async function confirmDelete(pattern: string): Promise<boolean> {
  const answer = await Taro.showModal({
    title: '删除敏感词',
    content: `确定删除「${pattern}」吗？删除后立即不再拦截或标记该词。`,
    confirmText: '删除',
    confirmColor: '#c8382f',
  });
  return answer.confirm;
}

/** One rule: switch it on or off, move it to another level, or delete it (after asking). */
export function WordRuleRow({ rule, onChanged, onDeleted }: WordRuleRowProps) {
  const [busy, setBusy] = useState(false);

  const run = async (step: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    try {
      await step();
    } catch (failure) {
      await Taro.showToast({ title: toApiError(failure).message, icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  const change = (part: Partial<WordRuleInput>) =>
    run(async () => {
      onChanged(await updateWordRule(rule.id, part));
    });

  const remove = () =>
    run(async () => {
      if (!(await confirmDelete(rule.pattern))) return;
      await deleteWordRule(rule.id);
      onDeleted(rule.id);
    });

  return (
    <View className="word-rule" data-id={rule.id} data-enabled={String(rule.enabled)}>
      <View className="word-rule__top">
        <Text className={`word-rule__pattern${rule.enabled ? '' : ' word-rule__pattern--off'}`}>{rule.pattern}</Text>
        <Text className="text-button word-rule__toggle" onClick={() => void change({ enabled: !rule.enabled })}>
          {rule.enabled ? '停用' : '启用'}
        </Text>
      </View>
      <Text className="word-rule__meta">
        {ruleSummary(rule)}
        {rule.enabled ? '' : ' · 已停用'}
        {rule.note ? ` · ${rule.note}` : ''}
      </Text>
      <View className="word-rule__actions">
        <Text className="word-rule__label">改为</Text>
        {WORD_RULE_LEVELS.filter((level) => level !== rule.level).map((level) => (
          <Text key={level} className="word-rule__level" data-level={level} onClick={() => void change({ level })}>
            {WORD_RULE_LEVEL_LABELS[level]}
          </Text>
        ))}
        <Text className="word-rule__delete" onClick={() => void remove()}>
          删除
        </Text>
      </View>
    </View>
  );
}
