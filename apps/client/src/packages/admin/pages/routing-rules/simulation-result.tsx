import { Text, View } from '@tarojs/components';
import type { RoutingSimulation } from '@ssp/contracts';
import { PRIORITY_LABELS, type ConditionTrace, type RuleTraceEntry } from '@ssp/rules';

const OUTCOME_CLASS: Record<RuleTraceEntry['outcome'], string> = {
  matched: 'trace-rule--matched',
  notMatched: 'trace-rule--missed',
  disabled: 'trace-rule--skipped',
  notYetEffective: 'trace-rule--skipped',
  expired: 'trace-rule--skipped',
};

const GROUP_WORDS = { all: '全部满足', any: '满足任一' } as const;

/** The fact tests of a condition trace, one line each, indented by depth. */
function traceLines(trace: ConditionTrace, depth: number): { text: string; depth: number; result: boolean }[] {
  if (trace.kind === 'fact') return [{ text: trace.explanation, depth, result: trace.result }];
  if (trace.kind === 'not') return [{ text: `排除：${trace.result ? '成立' : '不成立'}`, depth, result: trace.result }, ...traceLines(trace.child, depth + 1)];
  const skipped = trace.skipped > 0 ? `（其余 ${trace.skipped} 项未再判断）` : '';
  return [
    { text: `${GROUP_WORDS[trace.kind]}：${trace.result ? '成立' : '不成立'}${skipped}`, depth, result: trace.result },
    ...trace.children.flatMap((child) => traceLines(child, depth + 1)),
  ];
}

/** What the dispatch would decide for the sample, and every rule it tried on the way ("为什么派给这个部门"). */
export function SimulationResult({ result }: { result: RoutingSimulation }) {
  return (
    <View id="simulation-result" className="simulation-result">
      <View className="info-row">
        <Text className="info-row__label">派往</Text>
        <Text id="simulation-department" className="info-row__value">
          {result.department ? result.department.name : '人工分拨（没有部门）'}
        </Text>
      </View>
      <View className="info-row">
        <Text className="info-row__label">分类</Text>
        <Text className="info-row__value">{result.category ? `${result.category.name}（${result.category.code}）` : '未分类'}</Text>
      </View>
      <View className="info-row">
        <Text className="info-row__label">所在区</Text>
        <Text className="info-row__value">{result.region ? result.region.name : '未知'}{result.inServiceArea ? '' : '（不在服务范围，上报会被拒收）'}</Text>
      </View>
      <View className="info-row">
        <Text className="info-row__label">时限标准</Text>
        <Text className="info-row__value">{result.slaPolicy ? result.slaPolicy.name : '—'}</Text>
      </View>
      <View className="info-row">
        <Text className="info-row__label">优先级</Text>
        <Text className="info-row__value">{PRIORITY_LABELS[result.priority] ?? result.priority}</Text>
      </View>
      <View className="info-row">
        <Text className="info-row__label">命中规则</Text>
        <Text className="info-row__value">{result.matchedRule ? `第 ${result.matchedRule.order} 条 · ${result.matchedRule.name}` : '无'}</Text>
      </View>
      <Text id="simulation-explanation" className="simulation-result__explanation">
        {result.explanation}
      </Text>

      <Text className="card__title simulation-result__heading">为什么派给这个部门</Text>
      <View id="simulation-trace">
        {result.trace.map((entry) => (
          <View key={entry.ruleId} className={`trace-rule ${OUTCOME_CLASS[entry.outcome]}`} data-rule-id={entry.ruleId} data-outcome={entry.outcome}>
            <Text className="trace-rule__title">{entry.explanation}</Text>
            {entry.condition
              ? traceLines(entry.condition, 0).map((line, index) => (
                  <Text key={index} className={`trace-line${line.result ? ' trace-line--true' : ''}`} style={{ paddingLeft: `${line.depth * 12}px` }}>
                    {line.text}
                  </Text>
                ))
              : null}
          </View>
        ))}
        {result.trace.length === 0 ? <Text className="card__text">没有可试的规则</Text> : null}
      </View>
      {result.steps.length > 0 ? (
        <View id="simulation-steps" className="simulation-result__steps">
          {result.steps.map((step, index) => (
            <Text key={index} className="trace-line">
              {step}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
