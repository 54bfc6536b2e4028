import { Input, Text, View } from '@tarojs/components';
import type { TicketDetail } from '@ssp/contracts';
import { CategoryPicker } from '@/components/category-picker';
import { formatDateTime } from '@/utils/time.util';
import { TICKET_NO_HINT, type ActionFormSpec, type ActionFormValues } from './action-form.util';

interface CorrectionFieldsProps {
  spec: ActionFormSpec;
  ticket: TicketDetail;
  values: ActionFormValues;
  disabled: boolean;
  onChange: (part: Partial<ActionFormValues>) => void;
}

/** The report to take out of this ticket: any but the first, which is where the ticket came from. */
function ReportChoice({ ticket, value, onChange }: { ticket: TicketDetail; value: string | null; onChange: (id: string) => void }) {
  const candidates = ticket.reports.slice(1);
  if (candidates.length === 0) {
    return <Text className="card__text">本工单只有首次上报，没有可拆分的附议上报。</Text>;
  }
  return (
    <View id="split-reports" className="split-reports">
      {candidates.map((report) => (
        <View
          key={report.id}
          className={`split-report${report.id === value ? ' split-report--active' : ''}`}
          data-id={report.id}
          onClick={() => onChange(report.id)}
        >
          <Text className="split-report__no">
            {report.reportNo} · {formatDateTime(report.createdAt)}
          </Text>
          <Text className="split-report__description">{report.description}</Text>
        </View>
      ))}
    </View>
  );
}

/** The fields of the corrections: 更正分类, 合并到其他工单, 拆分上报. */
export function CorrectionFields({ spec, ticket, values, disabled, onChange }: CorrectionFieldsProps) {
  return (
    <>
      {spec.category !== 'hidden' ? (
        <View className="field">
          <CategoryPicker
            embedded
            leafOnly
            title="正确的小类"
            placeholder={`当前：${ticket.category?.name ?? '未分类'}`}
            value={values.categoryCode}
            disabled={disabled}
            onChange={(categoryCode) => onChange({ categoryCode })}
          />
        </View>
      ) : null}
      {spec.targetTicketNo !== 'hidden' ? (
        <View className="field">
          <Text className="field__label">合并到工单（同一问题、继续办理的那张）</Text>
          <Input
            id="action-target-ticket"
            className="field__input"
            value={values.targetTicketNo}
            maxlength={20}
            placeholder="GD2025060100001"
            onInput={(event) => onChange({ targetTicketNo: event.detail.value })}
          />
          <Text className="action-form__hint">{TICKET_NO_HINT}。合并后本工单的上报和附议都转到该工单。</Text>
        </View>
      ) : null}
      {spec.report !== 'hidden' ? (
        <View className="field">
          <Text className="field__label">拆分出去的上报（将单独生成工单）</Text>
          <ReportChoice ticket={ticket} value={values.reportId} onChange={(reportId) => onChange({ reportId })} />
        </View>
      ) : null}
    </>
  );
}
