import { View } from '@tarojs/components';
import { StaffGate } from '@/components/session-gate';
import { TicketList, type TicketTab } from '@/components/ticket-list';
import { WorkHeader } from '@/components/work-header';

const INBOX_TABS: readonly TicketTab[] = [
  { key: 'dispatched', label: '待签收', filters: { status: 'dispatched' }, emptyText: '没有待签收的工单' },
  { key: 'in_progress', label: '处理中', filters: { status: 'in_progress' }, emptyText: '没有处理中的工单' },
  { key: 'overdue', label: '超期', filters: { overdue: true }, emptyText: '没有超期的工单' },
  { key: 'resolved', label: '已办结', filters: { status: 'resolved' }, emptyText: '还没有已办结的工单' },
  { key: 'all', label: '全部', filters: {}, emptyText: '还没有工单' },
];

/** The command centre chases what is late first (督办): admins open on the overdue tab. */
const ADMIN_TABS: readonly TicketTab[] = [
  ...INBOX_TABS.filter((tab) => tab.key === 'overdue'),
  ...INBOX_TABS.filter((tab) => tab.key !== 'overdue'),
];

/** A department's work: tickets to sign for, in progress, overdue and done. Admins see every department. */
export default function InboxPage() {
  return (
    <View className="page">
      <StaffGate roles={['staff', 'admin']}>
        {(user) => (
          <>
            <WorkHeader
              title={user.department?.name ?? (user.role === 'admin' ? '全部部门' : '未分配部门')}
              subtitle={user.nickname}
            />
            <TicketList tabs={user.role === 'admin' ? ADMIN_TABS : INBOX_TABS} />
          </>
        )}
      </StaffGate>
    </View>
  );
}
