import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { ClassificationRuleView } from '@ssp/contracts';
import { PageState } from '@/components/page-state';
import { StaffGate } from '@/components/session-gate';
import { WorkHeader } from '@/components/work-header';
import { useLoader } from '@/hooks/use-loader';
import { AdminNav } from '@/packages/admin/components/admin-nav';
import { CLASSIFICATION_RULES_PAGE } from '@/routes';
import {
  deleteClassificationRule,
  fetchClassificationRules,
  toApiError,
  updateClassificationRule,
} from '@/services/api';
import { ClassificationRuleForm } from './classification-rule-form';
import './index.css';

async function confirmDelete(keyword: string): Promise<boolean> {
  const answer = await Taro.showModal({
    title: '删除分类关键词',
    content: `确定删除关键词「${keyword}」吗？之后含该词的上报由模型自动分类。`,
    confirmText: '删除',
    confirmColor: '#c8382f',
  });
  return answer.confirm;
}

interface RuleRowProps {
  rule: ClassificationRuleView;
  onChanged: (rule: ClassificationRuleView) => void;
  onDeleted: (id: string) => void;
}

function RuleRow({ rule, onChanged, onDeleted }: RuleRowProps) {
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
  const toggle = () =>
    run(async () => {
      onChanged(await updateClassificationRule(rule.id, { enabled: !rule.enabled }));
    });
  const remove = () =>
    run(async () => {
      if (!(await confirmDelete(rule.keyword))) return;
      await deleteClassificationRule(rule.id);
      onDeleted(rule.id);
    });

  return (
    <View className="classification-rule" data-id={rule.id} data-enabled={String(rule.enabled)}>
      <View className="classification-rule__body">
        <Text className={`classification-rule__keyword${rule.enabled ? '' : ' classification-rule__keyword--off'}`}>
          {rule.keyword}
        </Text>
        <Text className="classification-rule__category">
          → {rule.category.name}
          {rule.enabled ? '' : '（已停用）'}
        </Text>
      </View>
      <Text className="text-button classification-rule__toggle" onClick={() => void toggle()}>
        {rule.enabled ? '停用' : '启用'}
      </Text>
      <Text className="classification-rule__delete" onClick={() => void remove()}>
        删除
      </Text>
    </View>
  );
}

/** Keyword rules that override the classifier, e.g. 共享单车 → 共享单车乱停放. */
function ClassificationRules() {
  const { state, reload, replace } = useLoader(fetchClassificationRules, 'classification-rules');
  const [adding, setAdding] = useState(false);
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
  const rules = state.status === 'ready' ? state.data : [];

  const added = (rule: ClassificationRuleView) => {
    setAdding(false);
    replace([...rules, rule]);
    void Taro.showToast({ title: '已添加', icon: 'success' });
  };
  const changed = (rule: ClassificationRuleView) => replace(rules.map((item) => (item.id === rule.id ? rule : item)));
  const deleted = (id: string) => replace(rules.filter((item) => item.id !== id));

  return (
    <View>
      <View className="classification-rules__intro">
        <Text className="card__text">
          描述中含有关键词的上报直接归入对应小类，优先于自动分类模型。
        </Text>
        {adding ? null : (
          <Button id="classification-rule-add" className="primary-button classification-rules__add" onClick={() => setAdding(true)}>
            添加关键词
          </Button>
        )}
      </View>
      {adding ? <ClassificationRuleForm onAdded={added} onCancel={() => setAdding(false)} /> : null}
      <PageState
        state={state}
        onRetry={() => void reload()}
        isEmpty={(items) => items.length === 0}
        emptyText="还没有分类关键词，上报全部由模型自动分类"
      >
        {(items) => (
          <View id="classification-rule-list" className="card">
            {items.map((rule) => (
              <RuleRow key={rule.id} rule={rule} onChanged={changed} onDeleted={deleted} />
            ))}
          </View>
        )}
      </PageState>
    </View>
  );
}

export default function ClassificationRulesPage() {
  return (
    <View className="page">
      <StaffGate roles={['admin']}>
        {(user) => (
          <>
            <WorkHeader title="分类关键词" subtitle={user.nickname} />
            <AdminNav current={CLASSIFICATION_RULES_PAGE} />
            <ClassificationRules />
          </>
        )}
      </StaffGate>
    </View>
  );
}
