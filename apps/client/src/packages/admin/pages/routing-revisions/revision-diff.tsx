import { Text, View } from '@tarojs/components';
import { describeCondition, isFactName, type Condition, type RuleFieldChange, type RuleSetDiff } from '@ssp/rules';

function isCondition(value: unknown): value is Condition {
  if (typeof value !== 'object' || value === null) return false;
  return 'all' in value || 'any' in value || 'not' in value || ('fact' in value && isFactName((value as { fact: unknown }).fact));
}

/** A changed field's value in words: conditions as a sentence, absent values as 无. */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined) return '无';
  if (isCondition(value)) return describeCondition(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function FieldChange({ change }: { change: RuleFieldChange }) {
  return (
    <Text className="revision-diff__field" data-field={change.field}>
      {change.label}：{shownValue(change.before)} → {shownValue(change.after)}
    </Text>
  );
}

/** What a revision changed against the one before it, rule by rule. */
export function RevisionDiff({ diff }: { diff: RuleSetDiff }) {
  if (diff.identical) return <Text className="card__text">与上一版相同</Text>;
  return (
    <View className="revision-diff">
      {diff.added.map((rule) => (
        <View key={`added-${rule.id}`} className="revision-diff__rule revision-diff__rule--added" data-change="added">
          <Text className="revision-diff__title">新增「{rule.name}」</Text>
          <Text className="revision-diff__field">{describeCondition(rule.when)}</Text>
        </View>
      ))}
      {diff.removed.map((rule) => (
        <View key={`removed-${rule.id}`} className="revision-diff__rule revision-diff__rule--removed" data-change="removed">
          <Text className="revision-diff__title">删除「{rule.name}」</Text>
        </View>
      ))}
      {diff.changed.map((changed) => (
        <View key={`changed-${changed.id}`} className="revision-diff__rule revision-diff__rule--changed" data-change="changed">
          <Text className="revision-diff__title">修改「{changed.after.name}」</Text>
          {changed.changes.map((change) => (
            <FieldChange key={change.field} change={change} />
          ))}
        </View>
      ))}
    </View>
  );
}
