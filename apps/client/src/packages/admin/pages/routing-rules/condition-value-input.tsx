import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { FACTS, OPERATORS, type ConditionValue, type FactName, type OperatorName } from '@ssp/rules';
import { CategoryPicker } from '@/components/category-picker';
import { Chips } from './chips';
import { districtsOf, regionName, type RuleReferences } from './rule-references';

interface ValueInputProps {
  fact: FactName;
  operator: OperatorName;
  value: ConditionValue;
  references: RuleReferences;
  onChange: (value: ConditionValue) => void;
}

const LIST_SEPARATOR = /[,，、\s]+/;

function stringList(value: ConditionValue): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function toggled(list: readonly string[], item: string): string[] {
  return list.includes(item) ? list.filter((entry) => entry !== item) : [...list, item];
}

/** Words or codes typed in one line, separated by commas, 、 or spaces; the text is kept as typed. */
function ListInput({ value, placeholder, numbers, onChange }: { value: ConditionValue; placeholder: string; numbers: boolean; onChange: (value: ConditionValue) => void }) {
  const [text, setText] = useState(() => stringList(value).join('、'));
  const typed = (next: string) => {
    setText(next);
    const items = next.split(LIST_SEPARATOR).filter((item) => item !== '');
    onChange(numbers ? items.map(Number) : items);
  };
  return <Input className="field__input rule-value__input" value={text} placeholder={placeholder} onInput={(event) => typed(event.detail.value)} />;
}

function NumberInput({ value, onChange, placeholder }: { value: number; placeholder?: string; onChange: (value: number) => void }) {
  const [text, setText] = useState(String(value));
  return (
    <Input
      className="field__input rule-value__number"
      type="number"
      value={text}
      placeholder={placeholder}
      onInput={(event) => {
        setText(event.detail.value);
        const parsed = Number(event.detail.value);
        if (event.detail.value.trim() !== '' && Number.isFinite(parsed)) onChange(parsed);
      }}
    />
  );
}

function CategoryValues({ value, onChange }: { value: ConditionValue; onChange: (value: ConditionValue) => void }) {
  const codes = stringList(value);
  return (
    <View className="rule-value__categories">
      <Chips name="category-values" options={codes} label={(code) => `${code} ×`} chosen={[]} onToggle={(code) => onChange(toggled(codes, code))} />
      <CategoryPicker embedded title="添加分类" placeholder="选择要加入的分类" value={null} onChange={(code) => code && !codes.includes(code) && onChange([...codes, code])} />
    </View>
  );
}

/** The value part of a condition row, in the form the operator takes for the fact. */
export function ConditionValueInput({ fact, operator, value, references, onChange }: ValueInputProps) {
  const spec = FACTS[fact];
  const shape = OPERATORS[operator].value;

  if (shape === 'boolean') {
    return <Chips name="exists" options={['true', 'false']} label={(option) => (option === 'true' ? '已知' : '未知')} chosen={[String(value)]} onToggle={(option) => onChange(option === 'true')} />;
  }
  if (shape === 'range') {
    const [from, to] = Array.isArray(value) ? (value as number[]) : [0, 0];
    const unit = spec.name === 'hour' ? '时' : '';
    return (
      <View className="rule-value__range">
        <Text>从</Text>
        <NumberInput value={from} onChange={(next) => onChange([next, to])} />
        <Text>{unit}到</Text>
        <NumberInput value={to} onChange={(next) => onChange([from, next])} />
        <Text>{unit}（不含）</Text>
      </View>
    );
  }
  if (shape === 'patterns') {
    return <ListInput value={value} numbers={false} placeholder="编码模式，如 GY-*、3201*" onChange={onChange} />;
  }
  const many = shape === 'elements';
  if (spec.kind === 'code' || spec.kind === 'codeList') {
    if (spec.domain === 'category') {
      if (many) return <CategoryValues value={value} onChange={onChange} />;
      return <CategoryPicker embedded title="分类" placeholder="选择分类" value={typeof value === 'string' && value ? value : null} onChange={(code) => onChange(code ?? '')} />;
    }
    const districts = districtsOf(references).map((region) => region.code);
    return (
      <Chips
        name="region-values"
        options={districts}
        label={(code) => regionName(references, code)}
        chosen={many ? stringList(value) : [String(value)]}
        onToggle={(code) => onChange(many ? toggled(stringList(value), code) : code)}
      />
    );
  }
  if (spec.kind === 'enum') {
    return (
      <Chips
        name="enum-values"
        options={spec.values}
        label={(option) => spec.labels[option] ?? option}
        chosen={many ? stringList(value) : [String(value)]}
        onToggle={(option) => onChange(many ? toggled(stringList(value), option) : option)}
      />
    );
  }
  if (spec.kind === 'number') {
    if (many) return <ListInput value={value} numbers placeholder="数字，用逗号分隔" onChange={onChange} />;
    return <NumberInput value={typeof value === 'number' ? value : spec.min} onChange={onChange} />;
  }
  if (many) return <ListInput value={value} numbers={false} placeholder="关键词，用逗号或顿号分隔" onChange={onChange} />;
  return <Input className="field__input rule-value__input" value={typeof value === 'string' ? value : ''} placeholder="词语" onInput={(event) => onChange(event.detail.value)} />;
}
