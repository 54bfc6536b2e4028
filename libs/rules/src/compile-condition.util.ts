import { describeFactCondition } from './describe.util';
import type { EvaluationContext } from './evaluation-context';
import { FACTS } from './fact.registry';
import { FACT_INDEX, type FactValue } from './fact-snapshot.util';
import { OPERATORS } from './operator.registry';
import { isAllCondition, isAnyCondition, isNotCondition, type Condition, type FactCondition } from './rule.types';
import type { ConditionTrace } from './trace.types';

/** Decides a condition on a fact snapshot; allocates nothing. */
export type ConditionTest = (values: readonly (FactValue | undefined)[]) => boolean;
/** Evaluates the same condition again, recording every test it makes and the values it saw. */
export type ConditionTracer = (context: EvaluationContext) => ConditionTrace;

/**
 * A condition compiled twice from the same operator tests: `test` for routing (no allocation, so a
 * thousand rules stay well under a millisecond) and `trace` for the explanation. Evaluation is pure, so
 * tracing afterwards gives exactly the path the test took.
 */
export interface CompiledCondition {
  readonly test: ConditionTest;
  readonly trace: ConditionTracer;
}

export function compileCondition(condition: Condition): CompiledCondition {
  if (isAllCondition(condition)) return compileGroup('all', condition.all);
  if (isAnyCondition(condition)) return compileGroup('any', condition.any);
  if (isNotCondition(condition)) {
    const child = compileCondition(condition.not);
    const childTest = child.test;
    const childTrace = child.trace;
    return {
      test: (values) => !childTest(values),
      trace: (context) => {
        const trace = childTrace(context);
        return { kind: 'not', result: !trace.result, child: trace };
      },
    };
  }
  return compileFactCondition(condition);
}

/** `all` stops at the first child that fails, `any` at the first that holds. */
function compileGroup(kind: 'all' | 'any', conditions: readonly Condition[]): CompiledCondition {
  const children = conditions.map(compileCondition);
  const tests = children.map((child) => child.test);
  const stopOn = kind === 'any';
  const count = tests.length;
  return {
    test: (values) => {
      for (let i = 0; i < count; i++) if (tests[i](values) === stopOn) return stopOn;
      return !stopOn;
    },
    trace: (context) => {
      const traces: ConditionTrace[] = [];
      for (let i = 0; i < count; i++) {
        const trace = children[i].trace(context);
        traces.push(trace);
        if (trace.result === stopOn) return { kind, result: stopOn, children: traces, skipped: count - i - 1 };
      }
      return { kind, result: !stopOn, children: traces, skipped: 0 };
    },
  };
}

function compileFactCondition(condition: FactCondition): CompiledCondition {
  const fact = FACTS[condition.fact];
  const operator = OPERATORS[condition.operator];
  if (!fact || !operator) throw new TypeError(`Unknown fact or operator in ${JSON.stringify(condition)}`);
  if (!operator.appliesTo.includes(fact.kind)) {
    throw new TypeError(`Operator ${operator.name} does not apply to fact ${fact.name}`);
  }
  const index = FACT_INDEX[fact.name];
  const factTest = operator.compile(condition.value, fact);
  const whenMissing = operator.holdsWhenMissing(condition.value);
  const head = `${describeFactCondition(condition)}：实际为 `;
  const { fact: factName, operator: operatorName, value } = condition;
  const test: ConditionTest = (values) => {
    const seen = values[index];
    return seen === undefined ? whenMissing : factTest(seen);
  };
  return {
    test,
    trace: (context) => {
      const result = test(context.values);
      return {
        kind: 'fact',
        fact: factName,
        operator: operatorName,
        value,
        seen: context.tracedValue(index),
        result,
        explanation: head + context.shownValue(index) + (result ? '，成立' : '，不成立'),
      };
    },
  };
}
