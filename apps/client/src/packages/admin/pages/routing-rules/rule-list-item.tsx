import { Text, View } from '@tarojs/components';
import type { RoutingRule } from '@ssp/rules';
import { ruleSummary, windowText } from './rule-list.util';
import type { RuleReferences } from './rule-references';

interface RuleListItemProps {
  rule: RoutingRule;
  index: number;
  count: number;
  references: RuleReferences;
  hasErrors: boolean;
  onToggle: () => void;
  onMove: (step: -1 | 1) => void;
  onEdit: () => void;
  onDelete: () => void;
}

/** One rule in evaluation order: what it tests, where it sends, when it applies. */
export function RuleListItem({ rule, index, count, references, hasErrors, onToggle, onMove, onEdit, onDelete }: RuleListItemProps) {
  const window = windowText(rule.effective);
  return (
    <View className={`routing-rule${hasErrors ? ' routing-rule--invalid' : ''}`} data-id={rule.id} data-enabled={String(rule.enabled)}>
      <View className="routing-rule__top">
        <Text className="routing-rule__order">{index + 1}</Text>
        <Text className={`routing-rule__name${rule.enabled ? '' : ' routing-rule__name--off'}`}>{rule.name || '（未命名）'}</Text>
        <Text className={`routing-rule__switch${rule.enabled ? ' routing-rule__switch--on' : ''}`} onClick={onToggle}>
          {rule.enabled ? '已启用' : '已停用'}
        </Text>
      </View>
      <Text className="routing-rule__summary">{ruleSummary(rule, references.departments)}</Text>
      {window ? <Text className="routing-rule__window">生效：{window}</Text> : null}
      <View className="routing-rule__actions">
        {index > 0 ? (
          <Text className="routing-rule__action routing-rule__up" onClick={() => onMove(-1)}>
            上移
          </Text>
        ) : null}
        {index < count - 1 ? (
          <Text className="routing-rule__action routing-rule__down" onClick={() => onMove(1)}>
            下移
          </Text>
        ) : null}
        <Text className="routing-rule__action routing-rule__edit" onClick={onEdit}>
          编辑
        </Text>
        <Text className="routing-rule__action routing-rule__delete" onClick={onDelete}>
          删除
        </Text>
      </View>
    </View>
  );
}
