import { Picker, Text, View } from '@tarojs/components';
import { lastDays, type DateRange } from '@/utils/date-range.util';

const QUICK_RANGES: readonly { days: number; label: string }[] = [
  { days: 7, label: '近7天' },
  { days: 30, label: '近30天' },
  { days: 90, label: '近90天' },
];

interface RangeFilterProps {
  range: DateRange;
  problem: string | null;
  onChange: (range: DateRange) => void;
}

/** Quick ranges ending today, or any two days picked on the calendar. */
export function RangeFilter({ range, problem, onChange }: RangeFilterProps) {
  return (
    <View id="range-filter" className="card dashboard-range">
      <View className="dashboard-range__quick">
        {QUICK_RANGES.map((quick) => {
          const candidate = lastDays(quick.days);
          const active = candidate.from === range.from && candidate.to === range.to;
          return (
            <Text
              key={quick.days}
              id={`range-${quick.days}`}
              className={`dashboard-range__chip${active ? ' dashboard-range__chip--active' : ''}`}
              onClick={() => onChange(candidate)}
            >
              {quick.label}
            </Text>
          );
        })}
      </View>
      <View className="dashboard-range__days">
        <Picker mode="date" value={range.from} onChange={(event) => onChange({ ...range, from: String(event.detail.value) })}>
          <Text id="range-from" className="dashboard-range__day">
            {range.from}
          </Text>
        </Picker>
        <Text className="dashboard-range__to">至</Text>
        <Picker mode="date" value={range.to} onChange={(event) => onChange({ ...range, to: String(event.detail.value) })}>
          <Text id="range-to" className="dashboard-range__day">
            {range.to}
          </Text>
        </Picker>
      </View>
      {problem ? (
        <Text id="range-problem" className="dashboard-range__problem">
          {problem}
        </Text>
      ) : null}
    </View>
  );
}
