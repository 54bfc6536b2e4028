import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TicketDetail } from '@ssp/contracts';
import { PageState } from '@/components/page-state';
import { PhotoGrid } from '@/components/photo-grid';
import { StaffGate } from '@/components/session-gate';
import { StatusChip } from '@/components/status-chip';
import { Timeline } from '@/components/timeline';
import { useLoader } from '@/hooks/use-loader';
import { useNow } from '@/hooks/use-now';
import { readParam } from '@/routes';
import { fetchTicket } from '@/services/api';
import { ticketStatusView } from '@/utils/status.util';
import { deadlineView, formatDateTime } from '@/utils/time.util';
import { ActionPanel } from './action-panel';
import { TicketLocation } from './ticket-location';
import { MergedIntoBanner, TicketReports } from './ticket-reports';
import './index.css';

function InfoRow({ label, value, tone }: { label: string; value: string; tone?: 'danger' }) {
  return (
    <View className="info-row">
      <Text className="info-row__label">{label}</Text>
      <Text className={`info-row__value${tone ? ` ticket-info--${tone}` : ''}`}>{value}</Text>
    </View>
  );
}

function deadlineRow(label: string, iso: string | null, now: number) {
  if (!iso) return null;
  const view = deadlineView(iso, now);
  const value = `${formatDateTime(iso)}（${view?.text ?? ''}）`;
  return <InfoRow label={label} value={value} tone={view?.overdue ? 'danger' : undefined} />;
}

function TicketSummaryCard({ ticket }: { ticket: TicketDetail }) {
  const now = useNow();
  return (
    <View id="ticket-summary" className="card" data-status={ticket.status}>
      <View className="ticket-summary__top">
        <Text className="ticket-summary__no">{ticket.ticketNo}</Text>
        <View className="ticket-summary__chips">
          {ticket.overdue ? <Text className="chip chip--danger ticket-summary__overdue">超期</Text> : null}
          <StatusChip view={ticketStatusView(ticket.status)} />
        </View>
      </View>
      <Text className="ticket-summary__category">{ticket.category?.name ?? '待分类'}</Text>
      <InfoRow label="责任部门" value={ticket.department?.name ?? '待分派'} />
      {ticket.status === 'dispatched' ? deadlineRow('签收时限', ticket.acceptBy, now) : null}
      {ticket.status === 'in_progress' || ticket.status === 'dispatched'
        ? deadlineRow('办结时限', ticket.resolveBy, now)
        : null}
      {ticket.pendingExtensionUntil ? (
        <InfoRow label="申请延期" value={`至 ${formatDateTime(ticket.pendingExtensionUntil)}（待审批）`} />
      ) : null}
      <InfoRow label="上报时间" value={formatDateTime(ticket.createdAt)} />
      {ticket.supporterCount > 1 ? <InfoRow label="反映人数" value={`${ticket.supporterCount} 人`} /> : null}
    </View>
  );
}

interface TicketViewProps {
  ticket: TicketDetail;
  onUpdated: (ticket: TicketDetail) => void;
  onReload: () => Promise<void>;
}

function TicketView({ ticket, onUpdated, onReload }: TicketViewProps) {
  return (
    <View id="ticket-detail" data-version={ticket.version}>
      <MergedIntoBanner ticket={ticket} />
      <TicketSummaryCard ticket={ticket} />

      <View className="card">
        <Text className="card__title">问题描述</Text>
        <Text className="ticket-detail__text">{ticket.description}</Text>
        <PhotoGrid id="ticket-photos" photos={ticket.photos} />
      </View>

      <TicketReports ticket={ticket} />

      <TicketLocation ticket={ticket} />

      {ticket.resolutionReply ? (
        <View id="ticket-resolution" className="card">
          <Text className="card__title">办理答复</Text>
          <Text className="ticket-detail__text">{ticket.resolutionReply}</Text>
          {ticket.resolvedAt ? (
            <Text className="ticket-detail__meta">办结于 {formatDateTime(ticket.resolvedAt)}</Text>
          ) : null}
        </View>
      ) : null}

      <ActionPanel ticket={ticket} onUpdated={onUpdated} onReload={onReload} />

      <View className="card">
        <Text className="card__title">办理记录</Text>
        <Timeline events={ticket.events} department={ticket.department?.name} />
      </View>
    </View>
  );
}

function TicketLoader({ ticketId }: { ticketId: string }) {
  const { state, reload, replace } = useLoader(() => fetchTicket(ticketId), ticketId);
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
  return (
    <PageState state={state} onRetry={() => void reload()}>
      {(ticket) => <TicketView ticket={ticket} onUpdated={replace} onReload={reload} />}
    </PageState>
  );
}

/** One work order for staff (their department's) and admins (any), with the steps they may take. */
export default function TicketPage() {
  const ticketId = readParam(useRouter().params.id);
  return (
    <View className="page">
      <StaffGate roles={['staff', 'admin']}>{() => <TicketLoader ticketId={ticketId} />}</StaffGate>
    </View>
  );
}
