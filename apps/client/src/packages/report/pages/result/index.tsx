import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { CreateReportResponse, Reason, ReportDetail, ReportOutcome, TicketSummary } from '@ssp/contracts';
import { PageState } from '@/components/page-state';
import { ResidentGate } from '@/components/session-gate';
import { StatusChip } from '@/components/status-chip';
import { useLoader } from '@/hooks/use-loader';
import { HOME_PAGE, MY_REPORTS_PAGE, newReportUrl, readParam, reportDetailUrl } from '@/routes';
import { fetchReport } from '@/services/api';
import { rememberedReportResult } from '@/stores/report-results';
import { reasonHint } from '@/utils/intake.util';
import { ticketStatusView } from '@/utils/status.util';
import { formatDateTime } from '@/utils/time.util';
import { outcomeCopy } from './outcome-copy';
import './index.css';

interface ResultView {
  id: string;
  reportNo: string;
  outcome: ReportOutcome;
  reasons: Reason[];
  ticket: TicketSummary | null;
}

function fromResponse(response: CreateReportResponse): ResultView {
  return { ...response, ticket: response.ticket ?? null };
}

function fromDetail(detail: ReportDetail): ResultView {
  const { id, reportNo, outcome, reasons, ticket } = detail;
  return { id, reportNo, outcome, reasons, ticket };
}

function InfoRow({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className="info-row" id={id}>
      <Text className="info-row__label">{label}</Text>
      <Text className="info-row__value">{value}</Text>
    </View>
  );
}

function Reasons({ reasons, withHints }: { reasons: readonly Reason[]; withHints: boolean }) {
  if (reasons.length === 0) return null;
  return (
    <View id="outcome-reasons" className="report-result__reasons">
      {reasons.map((reason) => {
        const hint = withHints ? reasonHint(reason.code) : null;
        return (
          <View key={reason.code} className="report-result__reason" data-code={reason.code}>
            <Text className="report-result__reason-message">{reason.message}</Text>
            {hint ? <Text className="report-result__reason-hint">{hint}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}

function TicketInfo({ outcome, ticket }: { outcome: ReportOutcome; ticket: TicketSummary }) {
  const triage = ticket.status === 'pending_triage';
  return (
    <>
      <InfoRow id="ticket-no" label="工单号" value={ticket.ticketNo} />
      {outcome === 'merged' ? (
        <View id="ticket-status" className="info-row">
          <Text className="info-row__label">工单状态</Text>
          <StatusChip view={ticketStatusView(ticket.status)} />
        </View>
      ) : null}
      <InfoRow label="问题类型" value={ticket.category?.name ?? '待确定'} />
      <InfoRow id="ticket-department" label="处理部门" value={ticket.department?.name ?? (triage ? '待分拨' : '待分派')} />
      <InfoRow
        id="ticket-deadline"
        label="办理时限"
        value={ticket.resolveBy && !triage ? `${formatDateTime(ticket.resolveBy)} 前` : '派单后确定'}
      />
    </>
  );
}

function Actions({ result }: { result: ResultView }) {
  if (result.outcome === 'rejected') {
    // The form opens with the rejected report's draft (kept on submit), ready to be fixed.
    return (
      <View className="report-result__actions">
        <Button
          id="fix-and-resubmit"
          className="primary-button"
          onClick={() => void Taro.redirectTo({ url: newReportUrl() })}
        >
          修改后重新提交
        </Button>
        <View className="button-row">
          <Button
            id="open-my-reports"
            className="secondary-button"
            onClick={() => void Taro.switchTab({ url: MY_REPORTS_PAGE })}
          >
            查看我的上报
          </Button>
          <Button className="secondary-button" onClick={() => void Taro.switchTab({ url: HOME_PAGE })}>
            返回首页
          </Button>
        </View>
      </View>
    );
  }
  return (
    <View className="report-result__actions">
      <Button
        id="view-progress"
        className="primary-button"
        onClick={() => void Taro.redirectTo({ url: reportDetailUrl(result.id) })}
      >
        {result.outcome === 'review' ? '查看审核进度' : '查看进度'}
      </Button>
      <View className="button-row">
        <Button className="secondary-button" onClick={() => void Taro.redirectTo({ url: newReportUrl() })}>
          继续上报
        </Button>
        <Button className="secondary-button" onClick={() => void Taro.switchTab({ url: HOME_PAGE })}>
          返回首页
        </Button>
      </View>
    </View>
  );
}

function Result({ result }: { result: ResultView }) {
  const ticket = result.ticket;
  const copy = outcomeCopy(result.outcome, ticket);
  return (
    <View id="report-result" data-outcome={result.outcome}>
      <View className="card report-result__summary">
        <View className={`report-result__mark report-result__mark--${copy.tone}`}>
          <Text>{copy.mark}</Text>
        </View>
        <Text id="outcome-title" className="report-result__title">
          {copy.title}
        </Text>
        {copy.headline ? (
          <Text id="outcome-headline" className="report-result__headline">
            {copy.headline}
          </Text>
        ) : null}
        <Text id="outcome-text" className="card__text report-result__text">
          {copy.text}
        </Text>
        <Reasons reasons={result.reasons} withHints={result.outcome === 'rejected'} />
      </View>

      <View className="card">
        <InfoRow label="上报编号" value={result.reportNo} />
        {ticket ? <TicketInfo outcome={result.outcome} ticket={ticket} /> : null}
      </View>

      <Actions result={result} />
    </View>
  );
}

function ResultLoader({ reportId }: { reportId: string }) {
  const { state, reload } = useLoader<ResultView>(() => {
    const remembered = rememberedReportResult(reportId);
    return remembered ? Promise.resolve(fromResponse(remembered)) : fetchReport(reportId).then(fromDetail);
  }, reportId);
  return (
    <PageState state={state} onRetry={() => void reload()}>
      {(result) => <Result result={result} />}
    </PageState>
  );
}

export default function ReportResultPage() {
  const reportId = readParam(useRouter().params.id);
  return (
    <View className="page">
      <ResidentGate>{() => <ResultLoader reportId={reportId} />}</ResidentGate>
    </View>
  );
}
