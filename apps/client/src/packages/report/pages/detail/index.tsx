import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReportDetail, TicketStatus } from '@ssp/contracts';
import { PageState } from '@/components/page-state';
import { PhotoGrid } from '@/components/photo-grid';
import { ResidentGate } from '@/components/session-gate';
import { StatusChip } from '@/components/status-chip';
import { Timeline } from '@/components/timeline';
import { useLoader } from '@/hooks/use-loader';
import { readParam } from '@/routes';
import { fetchReport } from '@/services/api';
import { reasonHint } from '@/utils/intake.util';
import { reportStatusView } from '@/utils/status.util';
import { formatDateTime } from '@/utils/time.util';
import { GivenRating, RatingCard } from './rating-card';
import './index.css';

/** A deadline only matters while the department still has work to do. */
const OPEN_STATUSES: readonly TicketStatus[] = ['pending_triage', 'dispatched', 'in_progress'];

function InfoRow({ label, value }: { label: string; value: string }) {
  return (
    <View className="info-row">
      <Text className="info-row__label">{label}</Text>
      <Text className="info-row__value">{value}</Text>
    </View>
  );
}

function OutcomeReasons({ detail }: { detail: ReportDetail }) {
  if (detail.reasons.length === 0) return null;
  return (
    <View id="report-reasons">
      {detail.reasons.map((reason) => {
        const hint = detail.outcome === 'rejected' ? reasonHint(reason.code) : null;
        return (
          <View key={reason.code} className="report-detail__reason" data-code={reason.code}>
            <Text className="report-detail__reason-message">{reason.message}</Text>
            {hint ? <Text className="report-detail__reason-hint">{hint}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}

function Detail({ detail, onChange }: { detail: ReportDetail; onChange: (detail: ReportDetail) => void }) {
  const ticket = detail.ticket;
  const place = detail.regionName ?? '南京市';
  return (
    <View id="report-detail" data-status={ticket?.status ?? detail.outcome}>
      <View className="card">
        <View className="report-detail__heading">
          <StatusChip view={reportStatusView(detail)} />
          {detail.outcome === 'merged' ? <Text className="chip chip--info">已合并附议</Text> : null}
        </View>
        <InfoRow label="上报编号" value={detail.reportNo} />
        <InfoRow label="上报时间" value={formatDateTime(detail.createdAt)} />
        {ticket ? <InfoRow label="工单号" value={ticket.ticketNo} /> : null}
        <InfoRow label="问题类型" value={ticket?.category?.name ?? detail.category?.name ?? '待确定'} />
        {ticket ? <InfoRow label="处理部门" value={ticket.department?.name ?? '待分派'} /> : null}
        {ticket?.resolveBy && OPEN_STATUSES.includes(ticket.status) ? (
          <InfoRow label="办理时限" value={`${formatDateTime(ticket.resolveBy)} 前`} />
        ) : null}
        {detail.outcome === 'merged' && ticket ? (
          <Text id="supporters" className="report-detail__supporters">
            已有 {ticket.supporterCount} 位市民反映，您已加入该问题的跟踪
          </Text>
        ) : null}
        {detail.outcome === 'review' ? (
          <Text id="review-notice" className="report-detail__notice">
            正在人工审核。审核通过后会生成工单派给负责部门；如未通过，这里会说明原因。
          </Text>
        ) : null}
        <OutcomeReasons detail={detail} />
      </View>

      {detail.resolution ? (
        <View id="resolution" className="card">
          <Text className="card__title">办理结果</Text>
          <Text className="report-detail__reply">{detail.resolution.reply}</Text>
          <Text className="report-detail__meta">办结时间 {formatDateTime(detail.resolution.resolvedAt)}</Text>
          <PhotoGrid id="result-photos" photos={detail.resolution.photos} />
        </View>
      ) : null}

      {detail.canRate || detail.canReopen ? <RatingCard detail={detail} onRated={onChange} /> : null}
      <GivenRating detail={detail} />

      <View className="card">
        <Text className="card__title">我反映的问题</Text>
        <Text className="report-detail__description">{detail.description}</Text>
        <PhotoGrid id="report-photos" photos={detail.photos} />
        <Text className="report-detail__meta">
          位置：{place}（{detail.location.lat.toFixed(5)}, {detail.location.lng.toFixed(5)}）
        </Text>
      </View>

      <View className="card">
        <Text className="card__title">办理进度</Text>
        <Timeline events={detail.timeline} department={ticket?.department?.name} />
      </View>
    </View>
  );
}

function DetailLoader({ reportId }: { reportId: string }) {
  const { state, reload, replace } = useLoader(() => fetchReport(reportId), reportId);
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
  return (
    <PageState state={state} onRetry={() => void reload()}>
      {(detail) => <Detail detail={detail} onChange={replace} />}
    </PageState>
  );
}

export default function ReportDetailPage() {
  const reportId = readParam(useRouter().params.id);
  return (
    <View className="page">
      <ResidentGate>{() => <DetailLoader reportId={reportId} />}</ResidentGate>
    </View>
  );
}
