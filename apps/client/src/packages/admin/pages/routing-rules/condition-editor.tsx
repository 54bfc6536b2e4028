import { Text, View } from '@tarojs/components';
import { FACTS, FACT_NAMES, OPERATORS, type Condition, type FactCondition, type RuleValidationError } from '@ssp/rules';
import { Chips, FieldErrors } from './chips';
import {
  appendChild,
  changeFact,
  changeOperator,
  childPath,
  childrenOf,
  groupKindOf,
  newFactCondition,
  operatorsFor,
  switchGroupKind,
  type GroupKind,
  type NodeAddress,
} from './condition-tree.util';
import { ConditionValueInput } from './condition-value-input';
import { messagesAt, messagesUnder } from './rule-errors.util';
import type { RuleReferences } from './rule-references';

const GROUP_KINDS: readonly GroupKind[] = ['all', 'any', 'not'];
const GROUP_LABELS: Record<GroupKind, string> = { all: '全部满足', any: '满足任一', not: '排除' };

interface NodeProps {
  condition: Condition;
  address: NodeAddress;
  /** The validation path, e.g. `rules[2].when.all[0]`. */
  path: string;
  errors: readonly RuleValidationError[];
  references: RuleReferences;
  onChange: (address: NodeAddress, change: (node: Condition) => Condition | null) => void;
}

function FactRow({ condition, address, path, errors, references, onChange }: NodeProps & { condition: FactCondition }) {
  const replace = (next: FactCondition) => onChange(address, () => next);
  return (
    <View className="condition-row" data-path={path}>
      <View className="condition-row__top">
        <Text className="field__label">条件</Text>
        {address.length > 0 ? (
          <Text className="text-button condition-row__remove" onClick={() => onChange(address, () => null)}>
            删除
          </Text>
        ) : null}
      </View>
      <Chips name="fact" options={FACT_NAMES} label={(fact) => FACTS[fact].label} chosen={[condition.fact]} onToggle={(fact) => replace(changeFact(condition, fact))} />
      <Chips
        name="operator"
        options={operatorsFor(condition.fact)}
        label={(operator) => OPERATORS[operator].label}
        chosen={[condition.operator]}
        onToggle={(operator) => replace(changeOperator(condition, operator))}
      />
      <View className="condition-row__value" data-name="value">
        <ConditionValueInput
          key={`${condition.fact}|${condition.operator}`}
          fact={condition.fact}
          operator={condition.operator}
          value={condition.value}
          references={references}
          onChange={(value) => replace({ ...condition, value })}
        />
      </View>
      <FieldErrors path={path} messages={messagesUnder(errors, path)} />
    </View>
  );
}

/** One node of a rule's condition tree: an all/any/not group with its children, or a fact row. */
export function ConditionNode(props: NodeProps) {
  const { condition, address, path, errors, onChange } = props;
  const kind = groupKindOf(condition);
  if (kind === null) return <FactRow {...props} condition={condition as FactCondition} />;
  const children = childrenOf(condition);
  return (
    <View className="condition-group" data-path={path} data-kind={kind}>
      <View className="condition-group__top">
        <Chips name="group-kind" options={GROUP_KINDS} label={(option) => GROUP_LABELS[option]} chosen={[kind]} onToggle={(option) => onChange(address, (node) => switchGroupKind(node, option))} />
        {address.length > 0 ? (
          <Text className="text-button condition-group__remove" onClick={() => onChange(address, () => null)}>
            删除组
          </Text>
        ) : null}
      </View>
      {kind === 'all' && children.length === 0 ? <Text className="card__text">没有条件：所有上报都符合</Text> : null}
      <View className="condition-group__children">
        {children.map((child, index) => (
          <ConditionNode {...props} key={index} condition={child} address={[...address, index]} path={childPath(condition, path, index)} />
        ))}
      </View>
      <FieldErrors path={path} messages={messagesAt(errors, path)} />
      {kind === 'not' ? null : (
        <View className="condition-group__actions">
          <Text className="text-button condition-group__add" onClick={() => onChange(address, (node) => appendChild(node, newFactCondition()))}>
            ＋ 条件
          </Text>
          <Text className="text-button condition-group__add-group" onClick={() => onChange(address, (node) => appendChild(node, { any: [newFactCondition()] }))}>
            ＋ 条件组
          </Text>
        </View>
      )}
    </View>
  );
}
