import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { StatsRow } from '@ssp/contracts';
import { percentText } from '@/utils/chart.util';
import { LEAGUE_COLUMNS, nextSort, sortLeague, type LeagueKey, type SortDirection } from './league.util';

function cellText(row: StatsRow, key: LeagueKey): string {
  switch (key) {
    case 'total':
      return String(row.total);
    case 'acceptOnTimeRate':
      return percentText(row.acceptOnTimeRate);
    case 'resolveOnTimeRate':
      return percentText(row.resolveOnTimeRate);
    case 'satisfaction':
      return row.satisfaction.mean === null ? '—' : row.satisfaction.mean.toFixed(1);
  }
}

/** Departments ranked by a column the admin taps (again: the other way round). */
export function LeagueTable({ rows }: { rows: readonly StatsRow[] }) {
  const [sort, setSort] = useState<{ key: LeagueKey; direction: SortDirection }>({ key: 'resolveOnTimeRate', direction: 'desc' });
  const sorted = sortLeague(rows, sort.key, sort.direction);
  return (
    <View id="league-table" className="league" data-sort={`${sort.key}:${sort.direction}`}>
      <View className="league__row league__row--head">
        <Text className="league__cell league__cell--rank">#</Text>
        <Text className="league__cell league__cell--name">部门</Text>
        {LEAGUE_COLUMNS.map((column) => (
          <Text
            key={column.key}
            id={`league-sort-${column.key}`}
            className={`league__cell league__cell--sortable${column.key === sort.key ? ' league__cell--sorted' : ''}`}
            onClick={() => setSort(nextSort(sort, column.key))}
          >
            {column.label}
            {column.key === sort.key ? (sort.direction === 'desc' ? '↓' : '↑') : ''}
          </Text>
        ))}
      </View>
      {sorted.map((row, i) => (
        <View key={row.key} className="league__row league__row--body" data-code={row.key}>
          <Text className="league__cell league__cell--rank">{i + 1}</Text>
          <Text className="league__cell league__cell--name">{row.label}</Text>
          {LEAGUE_COLUMNS.map((column) => (
            <Text key={column.key} className="league__cell" data-key={column.key}>
              {cellText(row, column.key)}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
