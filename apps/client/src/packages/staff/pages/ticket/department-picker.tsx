import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { DepartmentOption } from '@ssp/contracts';
import { useLoader } from '@/hooks/use-loader';
import { fetchDepartments } from '@/services/api';

interface DepartmentPickerProps {
  value: string | null;
  /** The ticket's own department, which a transfer cannot target. */
  exclude: string | null;
  onChange: (code: string) => void;
}

function matches(department: DepartmentOption, query: string): boolean {
  if (query === '') return true;
  return [department.name, department.shortName, department.code].some((text) =>
    text.toLowerCase().includes(query.toLowerCase()),
  );
}

/** A filterable list rather than a wheel picker: twenty-odd departments are read, not spun through. */
export function DepartmentPicker({ value, exclude, onChange }: DepartmentPickerProps) {
  const { state, reload } = useLoader(fetchDepartments, 'departments');
  const [query, setQuery] = useState('');

  if (state.status === 'loading') return <Text className="card__text">正在加载部门…</Text>;
  if (state.status === 'error') {
    return (
      <Text className="department-picker__error" onClick={() => void reload()}>
        {state.error.message}，点击重试
      </Text>
    );
  }
  const options = state.data.filter((department) => department.code !== exclude && matches(department, query.trim()));
  return (
    <View id="department-picker" className="department-picker">
      <Input
        id="department-filter"
        className="field__input"
        value={query}
        placeholder="输入名称筛选部门"
        onInput={(event) => setQuery(event.detail.value)}
      />
      <View className="department-picker__list">
        {options.length === 0 ? <Text className="card__text">没有匹配的部门</Text> : null}
        {options.map((department) => (
          <View
            key={department.code}
            className={`department-option${department.code === value ? ' department-option--active' : ''}`}
            data-code={department.code}
            onClick={() => onChange(department.code)}
          >
            <Text className="department-option__short">{department.shortName}</Text>
            <Text className="department-option__name">{department.name}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
