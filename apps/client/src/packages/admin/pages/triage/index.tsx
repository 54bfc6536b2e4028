import { View } from '@tarojs/components';
import { StaffGate } from '@/components/session-gate';
import { TicketList, type TicketTab } from '@/components/ticket-list';
import { WorkHeader } from '@/components/work-header';
import { TRIAGE_PAGE } from '@/routes';
import { AdminNav } from '@/packages/admin/components/admin-nav';

/**
 * 待分拨 is the queue: reports no routing rule could place. 待审延期 lists the tickets whose staff asked
 * for more time (the ticket page shows 批准延期 / 驳回延期).
 */
const TRIAGE_TABS: readonly TicketTab[] = [
  { key: 'pending_triage', label: '待分拨', filters: { status: 'pending_triage' }, emptyText: '分拨队列已清空' },
  { key: 'extension', label: '待审延期', filters: { pendingExtension: true }, emptyText: '没有待审批的延期申请' },
  { key: 'in_progress', label: '处理中', filters: { status: 'in_progress' }, emptyText: '没有处理中的工单' },
  { key: 'overdue', label: '超期督办', filters: { overdue: true }, emptyText: '没有超期的工单' },
  { key: 'all', label: '全部', filters: {}, emptyText: '还没有工单' },
];

export default function TriagePage() {
  return (
    <View className="page">
      <StaffGate roles={['admin']}>
        {(user) => (
          <>
            <WorkHeader title="分拨台" subtitle={user.nickname} />
            <AdminNav current={TRIAGE_PAGE} />
            <TicketList tabs={TRIAGE_TABS} />
          </>
        )}
      </StaffGate>
    </View>
  );
}
