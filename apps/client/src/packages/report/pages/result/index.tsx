import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { CreateReportResponse, Reason, ReportDetail, ReportOutcome, TicketSummary } from '@ssp/contracts';
import { PageState } from '@/components/page-state';
import { ResidentGate } from '@/components/session-gate';
import { useLoader } from '@/hooks/use-loader';
import { HOME_PAGE, newReportUrl, readParam, reportDetailUrl } from '@/routes';
import { fetchReport } from '@/services/api';
import { rememberedReportResult } from '@/stores/report-results';
import { outcomeView } from '@/utils/status.util';
import { formatDateTime } from '@/utils/time.util';
import './index.css';

interface ResultView {
  id: string;
  reportNo: string;
  outcome: ReportOutcome;
  reasons: Reason[];
  ticket: TicketSummary | null;
}

const OUTCOME_TEXT: Record<ReportOutcome, { mark: string; text: string }> = {
  accepted: { mark: '✓', text: '已生成工单并派给负责部门。办理进展会在「我的上报」中更新，办结后请您评价。' },
  merged: { mark: '＋', text: '附近已有相同的问题正在办理，您的上报已作为附议合并到该工单，进展一并可查。' },
  review: { mark: '…', text: '您的上报需要人工审核，审核通过后会派给负责部门。' },
  rejected: { mark: '!', text: '很抱歉，这次上报未能受理，原因如下。如有疑问可拨打 12345。' },
};

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

function Result({ result }: { result: ResultView }) {
  const view = outcomeView(result.outcome);
  const copy = OUTCOME_TEXT[result.outcome];
  const ticket = result.ticket;
  return (
    <View id="report-result" data-outcome={result.outcome}>
      <View className="card report-result__summary">
        <View className={`report-result__mark report-result__mark--${view.tone}`}>
          <Text>{copy.mark}</Text>
        </View>
        <Text id="outcome-title" className="report-result__title">
          {view.label}
        </Text>
        <Text className="card__text report-result__text">{copy.text}</Text>
        {result.reasons.length > 0 ? (
          <View id="outcome-reasons" className="report-result__reasons">
            {result.reasons.map((reason) => (
              <Text key={reason.code} className="report-result__reason">
                {reason.message}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      <View className="card">
        <InfoRow label="上报编号" value={result.reportNo} />
        {ticket ? (
          <>
            <InfoRow id="ticket-no" label="工单号" value={ticket.ticketNo} />
            <InfoRow label="问题类型" value={ticket.category?.name ?? '待确定'} />
            <InfoRow id="ticket-department" label="处理部门" value={ticket.department?.name ?? '待分派'} />
            <InfoRow
              id="ticket-deadline"
              label="办理时限"
              value={ticket.resolveBy ? `${formatDateTime(ticket.resolveBy)} 前` : '派单后确定'}
            />
          </>
        ) : null}
      </View>

      <View className="report-result__actions">
        <Button
          id="view-progress"
          className="primary-button"
          onClick={() => void Taro.redirectTo({ url: reportDetailUrl(result.id) })}
        >
          查看进度
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
