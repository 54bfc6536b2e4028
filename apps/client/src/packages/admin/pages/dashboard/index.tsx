import { useCallback, useState, type ReactNode } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { StatsMetrics } from '@ssp/contracts';
import { PageState } from '@/components/page-state';
import { StaffGate } from '@/components/session-gate';
import { WorkHeader } from '@/components/work-header';
import { useLoader } from '@/hooks/use-loader';
import { DASHBOARD_PAGE, readParam } from '@/routes';
import { AdminNav } from '@/packages/admin/components/admin-nav';
import { percentText } from '@/utils/chart.util';
import { lastDays, rangeProblem, type DateRange } from '@/utils/date-range.util';
import { formatDateTime } from '@/utils/time.util';
import { CategoryChart, DailyVolumeChart, DistrictHeatMap } from './dashboard-charts';
import { loadDashboard, type DashboardData } from './dashboard-data';
import { ExportButtons } from './export-buttons';
import { LeagueTable } from './league-table';
import { RangeFilter } from './range-filter';
import './index.css';

const DEFAULT_DAYS = 30;

function Tile({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <View id={id} className="card dashboard-tile">
      <Text className="dashboard-tile__value">{value}</Text>
      <Text className="dashboard-tile__label">{label}</Text>
    </View>
  );
}

function Totals({ totals }: { totals: StatsMetrics }) {
  return (
    <View id="dashboard-totals" className="dashboard-tiles">
      <Tile id="total-tickets" label="工单总数" value={String(totals.total)} />
      <Tile id="total-resolve-on-time" label="按时办结率" value={percentText(totals.resolveOnTimeRate)} />
      <Tile id="total-satisfaction" label="满意度（满分5）" value={totals.satisfaction.mean === null ? '—' : totals.satisfaction.mean.toFixed(1)} />
      <Tile id="total-reopen" label="重办率" value={percentText(totals.reopenRate)} />
    </View>
  );
}

function Section({ id, title, note, children }: { id: string; title: string; note?: string; children: ReactNode }) {
  return (
    <View id={id} className="card dashboard-section">
      <Text className="card__title">{title}</Text>
      {note ? <Text className="dashboard-section__note">{note}</Text> : null}
      {children}
    </View>
  );
}

function Dashboard({ data }: { data: DashboardData }) {
  const { byDay, byCategory, byDepartment, byRegion, outlines } = data;
  return (
    <>
      <Totals totals={byDay.totals} />
      <Text className="dashboard-section__note">数据截至 {formatDateTime(byDay.asOf)}</Text>
      <Section id="section-daily" title="每日工单量">
        <DailyVolumeChart rows={byDay.rows} />
      </Section>
      <Section id="section-category" title="各类问题工单量" note={byCategory.rows.length > 8 ? '前 8 类，完整数据请导出' : undefined}>
        {byCategory.rows.length > 0 ? <CategoryChart rows={byCategory.rows} /> : <Text className="card__text">该时段没有工单</Text>}
      </Section>
      <Section id="section-league" title="部门排行" note="点击表头排序；“—”表示该时段没有可统计的工单">
        {byDepartment.rows.length > 0 ? <LeagueTable rows={byDepartment.rows} /> : <Text className="card__text">该时段没有派发给部门的工单</Text>}
      </Section>
      <Section id="section-districts" title="各区分布" note="颜色越深，工单越多">
        {outlines.districts.length > 0 ? (
          <DistrictHeatMap rows={byRegion.rows} districts={outlines.districts} bbox={outlines.bbox} />
        ) : (
          <Text className="card__text">区界数据暂不可用</Text>
        )}
      </Section>
    </>
  );
}

function initialRange(params: Record<string, string | undefined>): DateRange {
  const from = readParam(params.from);
  const to = readParam(params.to);
  const fallback = lastDays(DEFAULT_DAYS);
  return /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) ? { from, to } : fallback;
}

function DashboardBody() {
  const router = useRouter();
  const [range, setRange] = useState<DateRange>(() => initialRange(router.params));
  const problem = rangeProblem(range);
  const load = useCallback(() => loadDashboard(range), [range]);
  const { state, reload } = useLoader(load, `${range.from}:${range.to}`);

  return (
    <>
      <RangeFilter range={range} problem={problem} onChange={setRange} />
      {problem ? null : (
        <>
          <PageState state={state} onRetry={() => void reload()}>
            {(data) => <Dashboard data={data} />}
          </PageState>
          <Section id="section-exports" title="导出">
            <ExportButtons range={range} />
          </Section>
        </>
      )}
    </>
  );
}

export default function DashboardPage() {
  return (
    <View className="page dashboard">
      <StaffGate roles={['admin']}>
        {(user) => (
          <>
            <WorkHeader title="数据看板" subtitle={user.nickname} />
            <AdminNav current={DASHBOARD_PAGE} />
            <DashboardBody />
          </>
        )}
      </StaffGate>
    </View>
  );
}
