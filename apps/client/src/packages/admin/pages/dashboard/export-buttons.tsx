import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { apiDownload, toApiError } from '@/services/api';
import { saveDownload } from '@/services/files/save-download';
import type { DateRange } from '@/utils/date-range.util';

type ExportKind = 'tickets' | 'stats';
type ExportFormat = 'xlsx' | 'csv';

const EXPORTS: readonly { kind: ExportKind; format: ExportFormat; label: string }[] = [
  { kind: 'tickets', format: 'xlsx', label: '工单明细 Excel' },
  { kind: 'tickets', format: 'csv', label: '工单明细 CSV' },
  { kind: 'stats', format: 'xlsx', label: '部门统计 Excel' },
  { kind: 'stats', format: 'csv', label: '部门统计 CSV' },
];

const NAMES: Record<ExportKind, string> = { tickets: '工单明细', stats: '部门统计' };

/** The statistics export has the league table's rows: one line per department. */
const EXTRA_QUERY: Record<ExportKind, Record<string, string>> = { tickets: {}, stats: { groupBy: 'department' } };

/** The range's tickets and statistics as files, with the admin's token (the links are not public). */
export function ExportButtons({ range }: { range: DateRange }) {
  const [busy, setBusy] = useState<string | null>(null);

  async function download(kind: ExportKind, format: ExportFormat): Promise<void> {
    const key = `${kind}.${format}`;
    setBusy(key);
    try {
      const file = await apiDownload(`/api/v1/admin/exports/${key}`, { from: range.from, to: range.to, ...EXTRA_QUERY[kind] });
      await saveDownload(file, `${NAMES[kind]}_${range.from}_${range.to}.${format}`);
    } catch (failure) {
      await Taro.showToast({ title: toApiError(failure).message, icon: 'none' });
    } finally {
      setBusy(null);
    }
  }

  return (
    <View id="exports" className="dashboard-exports">
      <Text className="card__text">导出 {range.from} 至 {range.to} 的数据</Text>
      <View className="dashboard-exports__buttons">
        {EXPORTS.map((item) => (
          <Button
            key={`${item.kind}.${item.format}`}
            id={`export-${item.kind}-${item.format}`}
            className="secondary-button dashboard-exports__button"
            disabled={busy !== null}
            loading={busy === `${item.kind}.${item.format}`}
            onClick={() => void download(item.kind, item.format)}
          >
            {item.label}
          </Button>
        ))}
      </View>
    </View>
  );
}
