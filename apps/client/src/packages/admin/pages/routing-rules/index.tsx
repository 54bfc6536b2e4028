import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { RoutingRulesDraft } from '@ssp/contracts';
import type { RoutingRule } from '@ssp/rules';
import { PageState } from '@/components/page-state';
import { StaffGate } from '@/components/session-gate';
import { WorkHeader } from '@/components/work-header';
import { useLoader } from '@/hooks/use-loader';
import { AdminNav } from '@/packages/admin/components/admin-nav';
import { ROUTING_REVISIONS_PAGE, ROUTING_RULES_PAGE } from '@/routes';
import { fetchDepartments, fetchRegions, fetchRoutingRules, fetchSlaPolicies } from '@/services/api';
import { FieldErrors } from './chips';
import { PublishBar } from './publish-bar';
import { messagesUnder } from './rule-errors.util';
import { RuleForm } from './rule-form';
import { RuleListItem } from './rule-list-item';
import { moved, newRule, sortedByOrder } from './rule-list.util';
import { districtsOf, type RuleReferences } from './rule-references';
import { SimulatePanel } from './simulate-panel';
import { useRuleDraftSaving } from './use-rule-draft';
import './index.css';

interface Editing {
  rule: RoutingRule;
  index: number;
  isNew: boolean;
}

async function loadAll(): Promise<{ draft: RoutingRulesDraft; references: RuleReferences }> {
  const [draft, departments, slaPolicies, regions] = await Promise.all([fetchRoutingRules(), fetchDepartments(), fetchSlaPolicies(), fetchRegions()]);
  return { draft, references: { departments, slaPolicies, regions } };
}

async function confirmDelete(name: string): Promise<boolean> {
  const answer = await Taro.showModal({
    title: '删除规则',
    content: `确定从草稿中删除「${name || '未命名规则'}」吗？发布后才会影响派单。`,
    confirmText: '删除',
    confirmColor: '#c8382f',
  });
  return answer.confirm;
}

function RuleEditor({ draft, references, onSaved, onReload }: { draft: RoutingRulesDraft; references: RuleReferences; onSaved: (draft: RoutingRulesDraft) => void; onReload: () => void }) {
  const rules = sortedByOrder(draft.rules);
  const [editing, setEditing] = useState<Editing | null>(null);
  const saving = useRuleDraftSaving(draft, onSaved);

  const saveList = (next: RoutingRule[]) => void saving.save(next);
  const saveEdited = async (rule: RoutingRule) => {
    if (!editing) return;
    const next = editing.isNew ? [...rules, rule] : rules.map((item, index) => (index === editing.index ? rule : item));
    if (await saving.save(next)) setEditing(null);
  };
  const remove = async (index: number) => {
    if (await confirmDelete(rules[index].name)) saveList(rules.filter((_, position) => position !== index));
  };
  const reload = () => {
    saving.clear();
    setEditing(null);
    onReload();
  };
  const openEditor = (next: Editing) => {
    saving.clear();
    setEditing(next);
  };
  // Problems of rules the form does not show (a list change broke another rule) are listed on top.
  const listErrors = saving.errors.filter((error) => !editing || !error.path.startsWith(`rules[${editing.index}]`));

  return (
    <View>
      {saving.conflict ? (
        <View id="rules-conflict" className="card rules-conflict" role="alert">
          <Text className="rules-conflict__text">规则已被其他管理员修改，请重新加载后再编辑（未保存的修改会丢失）</Text>
          <Button id="rules-reload" className="secondary-button" onClick={reload}>
            重新加载
          </Button>
        </View>
      ) : (
        <PublishBar draft={draft} onPublished={onReload} onConflict={saving.markConflict} />
      )}
      <FieldErrors path="" messages={listErrors.map((error) => `${error.path}：${error.message}`)} />

      {editing ? (
        <RuleForm
          key={`${editing.rule.id}|${editing.index}`}
          rule={editing.rule}
          index={editing.index}
          isNew={editing.isNew}
          errors={saving.errors}
          references={references}
          saving={saving.saving}
          onSave={(rule) => void saveEdited(rule)}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <View id="rule-list" className="card routing-rules__list">
          <View className="routing-rules__heading">
            <Text className="card__title">规则（按顺序匹配，先命中者生效）</Text>
            <Text id="rule-add" className="text-button" onClick={() => openEditor({ rule: newRule(rules), index: rules.length, isNew: true })}>
              新增
            </Text>
          </View>
          {rules.length === 0 ? <Text id="rules-empty" className="card__text">还没有规则：所有上报按分类默认部门派单</Text> : null}
          {rules.map((rule, index) => (
            <RuleListItem
              key={rule.id}
              rule={rule}
              index={index}
              count={rules.length}
              references={references}
              hasErrors={messagesUnder(saving.errors, `rules[${index}]`).length > 0}
              onToggle={() => saveList(rules.map((item, position) => (position === index ? { ...item, enabled: !item.enabled } : item)))}
              onMove={(step) => saveList(moved(rules, index, step))}
              onEdit={() => openEditor({ rule, index, isNew: false })}
              onDelete={() => void remove(index)}
            />
          ))}
        </View>
      )}
    </View>
  );
}

function RoutingRules() {
  const loader = useLoader(loadAll, 'routing-rules');
  return (
    <PageState state={loader.state} onRetry={() => void loader.reload()}>
      {({ draft, references }) => (
        <View>
          <View className="routing-rules__links">
            <Text id="open-revisions" className="text-button" onClick={() => void Taro.navigateTo({ url: ROUTING_REVISIONS_PAGE })}>
              版本记录
            </Text>
          </View>
          <RuleEditor
            key={draft.version}
            draft={draft}
            references={references}
            onSaved={(saved) => loader.replace({ draft: saved, references })}
            onReload={() => void loader.reload()}
          />
          <SimulatePanel districts={districtsOf(references)} />
        </View>
      )}
    </PageState>
  );
}

export default function RoutingRulesPage() {
  return (
    <View className="page">
      <StaffGate roles={['admin']}>
        {(user) => (
          <>
            <WorkHeader title="派单规则" subtitle={user.nickname} />
            <AdminNav current={ROUTING_RULES_PAGE} />
            <RoutingRules />
          </>
        )}
      </StaffGate>
    </View>
  );
}
