import type { Condition } from '@ssp/rules';
import { changeFact, changeOperator, operatorsFor, switchGroupKind, updateAt } from '../condition-tree.util';

describe('condition tree editing', () => {
  it('offers only the operators of the fact kind', () => {
    expect(operatorsFor('hour')).toEqual(['equal', 'notEqual', 'in', 'notIn', 'greaterThan', 'greaterThanOrEqual', 'lessThan', 'lessThanOrEqual', 'between', 'exists']);
    expect(operatorsFor('keywords')).toEqual(['contains', 'containsAny', 'containsAll', 'exists']);
  });

  it('keeps the operator across a fact change when it still applies, and resets the value', () => {
    expect(changeFact({ fact: 'category', operator: 'in', value: ['GY-01'] }, 'region')).toEqual({ fact: 'region', operator: 'in', value: [] });
    expect(changeFact({ fact: 'category', operator: 'equal', value: 'GY-01' }, 'text')).toEqual({ fact: 'text', operator: 'contains', value: '' });
    expect(changeOperator({ fact: 'hour', operator: 'equal', value: 3 }, 'between')).toEqual({ fact: 'hour', operator: 'between', value: [0, 24] });
  });

  it('removes a nested row and switches a group between all, any and not', () => {
    const tree: Condition = { all: [{ fact: 'hour', operator: 'equal', value: 1 }, { any: [{ fact: 'weekday', operator: 'equal', value: 6 }] }] };
    expect(updateAt(tree, [1, 0], () => null)).toEqual({ all: [{ fact: 'hour', operator: 'equal', value: 1 }, { any: [] }] });
    expect(switchGroupKind(tree, 'not')).toEqual({ not: { fact: 'hour', operator: 'equal', value: 1 } });
  });
});
