import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TicketFilters, TicketListItem } from '@ssp/contracts';
import { ListFooter } from '@/components/list-footer';
import { PageState } from '@/components/page-state';
import { StatusChip } from '@/components/status-chip';
import { useNow } from '@/hooks/use-now';
import { useListPageEvents, usePagedList } from '@/hooks/use-paged-list';
import { ticketUrl } from '@/routes';
import { fetchTickets } from '@/services/api';
import { ticketStatusView } from '@/utils/status.util';
import { deadlineView, formatDateTime } from '@/utils/time.util';
import './index.css';

export interface TicketTab {
  key: string;
  label: string;
  filters: Omit<TicketFilters, 'cursor'>;
  emptyText: string;
}

/** The deadline that matters now: signing for a dispatched ticket, resolving one in progress. */
function currentDeadline(ticket: TicketListItem): { label: string; at: string | null } | null {
  switch (ticket.status) {
    case 'dispatched':
      return { label: '签收', at: ticket.acceptBy };
    case 'in_progress':
      return { label: '办结', at: ticket.resolveBy };
    case 'pending_triage':
    case 'resolved':
    case 'closed':
    case 'rejected':
    case 'merged':
      return null;
  }
}

function TicketRow({ ticket, now }: { ticket: TicketListItem; now: number }) {
  const deadline = currentDeadline(ticket);
  const countdown = deadline ? deadlineView(deadline.at, now) : null;
  return (
    <View
      className="ticket-row"
      data-id={ticket.id}
      data-status={ticket.status}
      onClick={() => void Taro.navigateTo({ url: ticketUrl(ticket.id) })}
    >
      <View className="ticket-row__top">
        <Text className="ticket-row__no">{ticket.ticketNo}</Text>
        <View className="ticket-row__chips">
          {ticket.overdue ? <Text className="chip chip--danger ticket-row__overdue">超期</Text> : null}
          <StatusChip view={ticketStatusView(ticket.status)} />
        </View>
      </View>
      <Text className="ticket-row__category">
        {ticket.category?.name ?? '待分类'}
        {ticket.regionName ? ` · ${ticket.regionName}` : ''}
      </Text>
      <Text className="ticket-row__description">{ticket.description}</Text>
      <View className="ticket-row__bottom">
        <Text className="ticket-row__meta">
          {formatDateTime(ticket.createdAt)}
          {ticket.supporterCount > 1 ? ` · ${ticket.supporterCount}人反映` : ''}
        </Text>
        {deadline && countdown ? (
          <Text className={`ticket-row__deadline${countdown.overdue ? ' ticket-row__deadline--overdue' : ''}`}>
            {deadline.label}
            {countdown.text}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

/** Tabs of ticket lists (by status or overdue), paged, refreshed when the page shows again. */
export function TicketList({ tabs }: { tabs: readonly TicketTab[] }) {
  const [activeKey, setActiveKey] = useState(tabs[0].key);
  const active = tabs.find((tab) => tab.key === activeKey) ?? tabs[0];
  const filters = active.filters;
  const fetchPage = useMemo(
    () => (cursor: string | null) => fetchTickets({ ...filters, ...(cursor ? { cursor } : {}) }),
    [filters],
  );
  const list = usePagedList(fetchPage, active.key);
  const now = useNow();

  useListPageEvents(list);

  return (
    <View>
      <View id="ticket-tabs" className="ticket-tabs">
        {tabs.map((tab) => (
          <Text
            key={tab.key}
            className={`ticket-tabs__tab${tab.key === active.key ? ' ticket-tabs__tab--active' : ''}`}
            data-key={tab.key}
            onClick={() => setActiveKey(tab.key)}
          >
            {tab.label}
          </Text>
        ))}
      </View>
      <PageState
        state={list.state}
        onRetry={() => void list.refresh()}
        isEmpty={(items) => items.length === 0}
        emptyText={active.emptyText}
      >
        {(items) => (
          <View id="ticket-list" data-tab={active.key}>
            {items.map((ticket) => (
              <TicketRow key={ticket.id} ticket={ticket} now={now} />
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
    </View>
  );
}
