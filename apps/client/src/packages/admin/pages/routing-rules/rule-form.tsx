import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { PRIORITY_LABELS, RULE_PRIORITIES, type Condition, type RoutingRule, type RuleAction, type RulePriority, type RuleValidationError } from '@ssp/rules';
import { CategoryPicker } from '@/components/category-picker';
import { Chips, FieldErrors } from './chips';
import { ConditionNode } from './condition-editor';
import { updateAt, type NodeAddress } from './condition-tree.util';
import { localInputOf, windowOf } from './effective-window.util';
import { messagesAt, messagesUnder } from './rule-errors.util';
import type { RuleReferences } from './rule-references';

interface RuleFormProps {
  rule: RoutingRule;
  /** Its index in the saved set: the server's error paths start with `rules[index]`. */
  index: number;
  isNew: boolean;
  errors: readonly RuleValidationError[];
  references: RuleReferences;
  saving: boolean;
  onSave: (rule: RoutingRule) => void;
  onCancel: () => void;
}

const UNSET = '';
type OptionalActionKey = 'slaPolicyCode' | 'priority' | 'categoryCode';

/** The action with one optional part set, or left out when the admin chose the default (''). */
function actionWith(action: RuleAction, key: OptionalActionKey, value: string): RuleAction {
  const { [key]: _replaced, ...rest } = action;
  return (value === UNSET ? rest : { ...rest, [key]: value }) as RuleAction;
}

/** One rule in a form: name, conditions as a tree, where it goes, and when it applies. */
export function RuleForm({ rule: initial, index, isNew, errors, references, saving, onSave, onCancel }: RuleFormProps) {
  const [rule, setRule] = useState<RoutingRule>(initial);
  const [from, setFrom] = useState(localInputOf(initial.effective?.from));
  const [until, setUntil] = useState(localInputOf(initial.effective?.until));
  const base = `rules[${index}]`;
  const at = (field: string) => messagesUnder(errors, `${base}.${field}`);

  const changeWhen = (address: NodeAddress, change: (node: Condition) => Condition | null) =>
    setRule((current) => ({ ...current, when: updateAt(current.when, address, change) ?? { all: [] } }));
  const changeThen = (key: OptionalActionKey, value: string) => setRule((current) => ({ ...current, then: actionWith(current.then, key, value) }));
  const chooseDepartment = (departmentCode: string) => setRule((current) => ({ ...current, then: { ...current.then, departmentCode } }));

  const submit = () => {
    const effective = windowOf(from, until);
    const note = rule.note?.trim();
    const { id, order, enabled, when, then } = rule;
    onSave({ id, name: rule.name.trim(), order, enabled, when, then, ...(effective ? { effective } : {}), ...(note ? { note } : {}) });
  };

  return (
    <View id="rule-form" className="card rule-form" data-rule-id={rule.id}>
      <Text className="card__title">{isNew ? '新增规则' : '编辑规则'}</Text>
      <FieldErrors path={base} messages={[...messagesAt(errors, base), ...at('id'), ...at('order'), ...at('enabled')]} />
      <View className="field">
        <Text className="field__label">名称</Text>
        <Input id="rule-name" className="field__input" value={rule.name} maxlength={60} placeholder="例如：路灯故障派市政养护" onInput={(event) => setRule({ ...rule, name: event.detail.value })} />
        <FieldErrors path={`${base}.name`} messages={at('name')} />
      </View>
      <View className="field rule-form__switch">
        <Text className="field__label">启用</Text>
        <Chips name="enabled" options={['on', 'off']} label={(option) => (option === 'on' ? '启用' : '停用')} chosen={[rule.enabled ? 'on' : 'off']} onToggle={(option) => setRule({ ...rule, enabled: option === 'on' })} />
      </View>

      <View className="field">
        <Text className="field__label">条件</Text>
        <ConditionNode condition={rule.when} address={[]} path={`${base}.when`} errors={errors} references={references} onChange={changeWhen} />
      </View>

      <View className="field">
        <Text className="field__label">派往部门</Text>
        <Chips
          name="department"
          options={references.departments.map((department) => department.code)}
          label={(code) => references.departments.find((department) => department.code === code)?.shortName ?? code}
          chosen={[rule.then.departmentCode]}
          onToggle={chooseDepartment}
        />
        <FieldErrors path={`${base}.then.departmentCode`} messages={at('then.departmentCode')} />
      </View>
      <View className="field">
        <Text className="field__label">时限标准</Text>
        <Chips
          name="sla-policy"
          options={[UNSET, ...references.slaPolicies.map((policy) => policy.code)]}
          label={(code) => (code === UNSET ? '按分类默认' : (references.slaPolicies.find((policy) => policy.code === code)?.name ?? code))}
          chosen={[rule.then.slaPolicyCode ?? UNSET]}
          onToggle={(code) => changeThen('slaPolicyCode', code)}
        />
        <FieldErrors path={`${base}.then.slaPolicyCode`} messages={at('then.slaPolicyCode')} />
      </View>
      <View className="field">
        <Text className="field__label">优先级</Text>
        <Chips<RulePriority | typeof UNSET>
          name="priority"
          options={[UNSET, ...RULE_PRIORITIES]}
          label={(priority) => (priority === UNSET ? '不改变' : PRIORITY_LABELS[priority])}
          chosen={[rule.then.priority ?? UNSET]}
          onToggle={(priority) => changeThen('priority', priority)}
        />
        <FieldErrors path={`${base}.then.priority`} messages={at('then.priority')} />
      </View>
      <View className="field">
        <CategoryPicker embedded title="改为小类（可选）" placeholder="不改变分类" leafOnly value={rule.then.categoryCode ?? null} onChange={(code) => changeThen('categoryCode', code ?? UNSET)} />
        <FieldErrors path={`${base}.then.categoryCode`} messages={at('then.categoryCode')} />
      </View>

      <View className="field">
        <Text className="field__label">生效时间（北京时间，选填，格式 2026-03-01 08:00）</Text>
        <View className="rule-form__window">
          <Input id="rule-from" className="field__input" value={from} placeholder="开始（含）" onInput={(event) => setFrom(event.detail.value)} />
          <Input id="rule-until" className="field__input" value={until} placeholder="结束（不含）" onInput={(event) => setUntil(event.detail.value)} />
        </View>
        <FieldErrors path={`${base}.effective`} messages={at('effective')} />
      </View>
      <View className="field">
        <Text className="field__label">备注（选填）</Text>
        <Input id="rule-note" className="field__input" value={rule.note ?? ''} maxlength={500} placeholder="为什么有这条规则" onInput={(event) => setRule({ ...rule, note: event.detail.value })} />
        <FieldErrors path={`${base}.note`} messages={at('note')} />
      </View>

      <View className="button-row">
        <Button className="secondary-button" disabled={saving} onClick={onCancel}>
          取消
        </Button>
        <Button id="rule-save" className="primary-button" loading={saving} disabled={saving} onClick={submit}>
          保存草稿
        </Button>
      </View>
    </View>
  );
}
