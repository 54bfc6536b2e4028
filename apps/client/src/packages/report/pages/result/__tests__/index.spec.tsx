import { fireEvent, render, screen } from '@testing-library/react';
import type { CreateReportResponse, ReportDetail, TicketSummary } from '@ssp/contracts';
import { apiRoutes, json } from '@test/api-routes';
import { RESIDENT, signInAs } from '@test/session';
import { taroTest } from '@test/taro-mock';
import { rememberReportResult } from '@/stores/report-results';
import ReportResultPage from '../index';

const TICKET: TicketSummary = {
  id: 't-1',
  ticketNo: 'GD2025060100001',
  status: 'dispatched',
  category: { code: 'GY-02', name: '井盖' },
  department: { code: 'SZYH', name: '市政设施综合养护管理中心' },
  resolveBy: '2025-06-02T10:00:00.000Z',
  supporterCount: 1,
};

function submitted(id: string, result: Omit<CreateReportResponse, 'id' | 'reportNo'>): void {
  rememberReportResult({ id, reportNo: `R-${id}`, ...result });
  taroTest.setRouterParams({ id });
}

const text = (id: string) => document.getElementById(id)?.textContent ?? '';

describe('report result page', () => {
  beforeEach(() => {
    taroTest.reset();
    signInAs(RESIDENT);
  });

  it('shows the ticket number, department and deadline of an accepted report', async () => {
    submitted('a', { outcome: 'accepted', reasons: [], ticket: TICKET });

    render(<ReportResultPage />);

    expect(await screen.findByText('已生成工单并派给负责部门')).toBeTruthy();
    expect(text('outcome-title')).toBe('已受理');
    expect(text('ticket-no')).toContain('GD2025060100001');
    expect(text('ticket-department')).toContain('市政设施综合养护管理中心');
    expect(text('ticket-deadline')).toContain('2025-06-02 18:00 前');
    fireEvent.click(screen.getByText('查看进度'));
    expect(taroTest.taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/report/pages/detail/index?id=a' });
  });

  it('says a department is still being found for a report waiting for triage', async () => {
    const triage = { ...TICKET, status: 'pending_triage' as const, department: null, resolveBy: null };
    submitted('t', { outcome: 'accepted', reasons: [{ code: 'NEEDS_TRIAGE', message: '暂无法自动确定负责部门' }], ticket: triage });

    render(<ReportResultPage />);

    expect(await screen.findByText('已生成工单，正在确定负责部门')).toBeTruthy();
    expect(screen.getByText(/指挥中心会尽快人工分拨/)).toBeTruthy();
    expect(text('ticket-department')).toContain('待分拨');
    expect(text('ticket-deadline')).toContain('派单后确定');
  });

  it('tells a merged report how many residents reported the problem and where the ticket stands', async () => {
    submitted('m', {
      outcome: 'merged',
      reasons: [{ code: 'MERGED', message: '附近已有相同问题的工单' }],
      ticket: { ...TICKET, status: 'in_progress', supporterCount: 3 },
    });

    render(<ReportResultPage />);

    expect(await screen.findByText('已有 3 位市民反映，您已加入该问题的跟踪')).toBeTruthy();
    expect(text('ticket-status')).toContain('处理中');
    expect(text('ticket-no')).toContain('GD2025060100001');
  });

  it('says a held report is being reviewed by a person and what happens next', async () => {
    submitted('r', { outcome: 'review', reasons: [{ code: 'REVIEW_WORDS', message: '内容需要人工确认' }] });

    render(<ReportResultPage />);

    expect(await screen.findByText('已提交，正在人工审核')).toBeTruthy();
    expect(text('outcome-text')).toContain('审核通过后会生成工单派给负责部门');
    expect(text('outcome-reasons')).toContain('内容需要人工确认');
    expect(document.getElementById('ticket-no')).toBeNull();
  });

  it('shows why a report was rejected, what to do, and leads back to the form or to 我的上报', async () => {
    submitted('x', { outcome: 'rejected', reasons: [{ code: 'BLOCKED_WORDS', message: '描述中含有不文明用语' }] });

    render(<ReportResultPage />);

    expect(await screen.findByText('描述中含有不文明用语')).toBeTruthy();
    expect(text('outcome-title')).toBe('未受理');
    expect(screen.getByText('请删除不文明或不当用语，如实描述问题后再提交。')).toBeTruthy();
    expect(screen.queryByText('查看进度')).toBeNull();

    fireEvent.click(screen.getByText('修改后重新提交'));
    expect(taroTest.taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/report/pages/new/index' });
    fireEvent.click(screen.getByText('查看我的上报'));
    expect(taroTest.taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' });
  });

  it('loads the report from the server when the page was opened afresh', async () => {
    taroTest.setRouterParams({ id: 'rep-9' });
    const detail = {
      id: 'rep-9',
      reportNo: 'R-9',
      outcome: 'rejected',
      reasons: [{ code: 'OUT_OF_AREA', message: '该位置不在南京市服务范围内' }],
      ticket: null,
    } as Partial<ReportDetail>;
    taroTest.onRequest(apiRoutes({ 'GET /api/v1/reports/rep-9': () => json(detail) }));

    render(<ReportResultPage />);

    expect(await screen.findByText('该位置不在南京市服务范围内')).toBeTruthy();
    expect(screen.getByText('请确认问题位置是否正确，可重新定位后再提交。')).toBeTruthy();
  });
});
