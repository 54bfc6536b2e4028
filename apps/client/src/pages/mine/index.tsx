import Taro from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import type { ReportListItem } from '@ssp/contracts';
import { ListFooter } from '@/components/list-footer';
import { PageState } from '@/components/page-state';
import { ResidentGate } from '@/components/session-gate';
import { StatusChip } from '@/components/status-chip';
import { useListPageEvents, usePagedList } from '@/hooks/use-paged-list';
import { newReportUrl, reportDetailUrl } from '@/routes';
import { fetchMyReports } from '@/services/api';
import { outcomeView, reportStatusView } from '@/utils/status.util';
import { formatDateTime } from '@/utils/time.util';
import './index.css';

function ReportRow({ report }: { report: ReportListItem }) {
  return (
    <View
      className="report-row"
      data-id={report.id}
      data-outcome={report.outcome}
      onClick={() => void Taro.navigateTo({ url: reportDetailUrl(report.id) })}
    >
      {report.thumbUrl ? (
        <Image className="report-row__thumb" src={report.thumbUrl} mode="aspectFill" lazyLoad />
      ) : (
        <View className="report-row__thumb report-row__thumb--empty">
          <Text>无图</Text>
        </View>
      )}
      <View className="report-row__body">
        <View className="report-row__top">
          <Text className="report-row__category">
            {report.ticket?.category?.name ?? report.category?.name ?? '待分类'}
          </Text>
          <View className="report-row__chips">
            {/* A merged report follows someone else's ticket: say so beside that ticket's state. */}
            {report.outcome === 'merged' ? (
              <StatusChip className="report-row__outcome" view={outcomeView('merged')} />
            ) : null}
            <StatusChip view={reportStatusView(report)} />
          </View>
        </View>
        <Text className="report-row__description">{report.description}</Text>
        <Text className="report-row__meta">
          {formatDateTime(report.createdAt)} · {report.reportNo}
          {report.outcome === 'merged' && report.ticket ? ` · ${report.ticket.supporterCount}人反映` : ''}
        </Text>
      </View>
    </View>
  );
}

function MyReports() {
  const list = usePagedList(fetchMyReports, 'mine');
  useListPageEvents(list);

  return (
    <PageState
      state={list.state}
      onRetry={() => void list.refresh()}
      isEmpty={(items) => items.length === 0}
      emptyText="还没有上报过问题。看到路面破损、垃圾堆放、设施损坏，拍下来告诉我们。"
    >
      {(items) => (
        <View id="my-reports">
          {items.map((report) => (
            <ReportRow key={report.id} report={report} />
          ))}
          <ListFooter
            hasMore={list.hasMore}
            loadingMore={list.loadingMore}
            moreError={list.moreError}
            onLoadMore={() => void list.loadMore()}
          />
        </View>
      )}
    </PageState>
  );
}

export default function MyReportsPage() {
  return (
    <View className="page">
      <ResidentGate>{() => <MyReports />}</ResidentGate>
      <View className="mine__new">
        <Button
          id="new-report-from-mine"
          className="secondary-button"
          onClick={() => void Taro.navigateTo({ url: newReportUrl() })}
        >
          我要上报
        </Button>
      </View>
    </View>
  );
}
