import type { ReportOutcome, TicketSummary } from '@ssp/contracts';

export interface OutcomeCopy {
  mark: string;
  tone: 'success' | 'info' | 'warning' | 'danger';
  title: string;
  /** The sentence that says what happened. */
  headline: string | null;
  /** What happens next, or what the resident can do. */
  text: string;
}

/** The words of the result screen: one clear screen per intake outcome. */
export function outcomeCopy(outcome: ReportOutcome, ticket: TicketSummary | null): OutcomeCopy {
  switch (outcome) {
    case 'accepted':
      return ticket?.status === 'pending_triage'
        ? {
            mark: '✓',
            tone: 'success',
            title: '已受理',
            headline: '已生成工单，正在确定负责部门',
            text: '系统暂未能确定由哪个部门处理，指挥中心会尽快人工分拨。派单后，处理部门和办理时限会在「我的上报」中显示。',
          }
        : {
            mark: '✓',
            tone: 'success',
            title: '已受理',
            headline: '已生成工单并派给负责部门',
            text: '办理进展会在「我的上报」中更新，办结后请您评价。',
          };
    case 'merged':
      return {
        mark: '＋',
        tone: 'info',
        title: '已合并',
        headline: ticket
          ? `已有 ${ticket.supporterCount} 位市民反映，您已加入该问题的跟踪`
          : '已有市民反映过这个问题，您已加入该问题的跟踪',
        text: '附近已有相同的问题正在办理，您的上报已作为附议并入该工单，办理进展和结果会同步给您。',
      };
    case 'review':
      return {
        mark: '…',
        tone: 'warning',
        title: '已提交，正在人工审核',
        headline: null,
        text: '您的上报需要工作人员审核后再派单。审核通过后会生成工单派给负责部门；如未通过，会在「我的上报」中说明原因。',
      };
    case 'rejected':
      return {
        mark: '!',
        tone: 'danger',
        title: '未受理',
        headline: null,
        text: '很抱歉，这次上报未能受理，原因如下。您可以修改后重新提交；如有疑问可拨打 12345。',
      };
  }
}
