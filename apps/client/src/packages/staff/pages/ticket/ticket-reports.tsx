import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TicketDetail } from '@ssp/contracts';
import { ticketUrl } from '@/routes';
import { formatDateTime } from '@/utils/time.util';

/** This ticket was folded into another one: the work goes on there. */
export function MergedIntoBanner({ ticket }: { ticket: TicketDetail }) {
  const target = ticket.mergedInto;
  if (!target) return null;
  return (
    <View
      id="merged-into"
      className="merged-into"
      data-id={target.id}
      onClick={() => void Taro.navigateTo({ url: ticketUrl(target.id) })}
    >
      <Text className="merged-into__text">已合并至 {target.ticketNo}</Text>
      <Text className="merged-into__link">查看该工单 ›</Text>
    </View>
  );
}

/** The reports behind this ticket, first first: the one that opened it, then every 附议. */
export function TicketReports({ ticket }: { ticket: TicketDetail }) {
  if (ticket.reports.length === 0) return null;
  const supporters = Math.max(ticket.supporterCount, ticket.reports.length);
  return (
    <View id="ticket-reports" className="card">
      <View className="ticket-reports__heading">
        <Text className="card__title">上报记录</Text>
        <Text id="ticket-supporters" className="ticket-reports__count">
          共 {supporters} 人反映（附议 {supporters - 1} 人）
        </Text>
      </View>
      {ticket.reports.map((report, index) => (
        <View key={report.id} className="ticket-report" data-id={report.id}>
          <View className="ticket-report__top">
            <Text className="ticket-report__no">{report.reportNo}</Text>
            <Text className={`chip ${index === 0 ? 'chip--info' : 'chip--muted'}`}>{index === 0 ? '首次上报' : '附议'}</Text>
          </View>
          <Text className="ticket-report__time">{formatDateTime(report.createdAt)}</Text>
          <Text className="ticket-report__description">{report.description}</Text>
        </View>
      ))}
    </View>
  );
}
