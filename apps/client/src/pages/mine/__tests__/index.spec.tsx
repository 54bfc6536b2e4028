import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReportListItem } from '@ssp/contracts';
import { apiRoutes, bodyOf, errorBody, json } from '@test/api-routes';
import { RESIDENT, signInAs } from '@test/session';
import { taroTest } from '@test/taro-mock';
import { getSessionUser } from '@/stores/session';
import MyReportsPage from '../index';

function report(id: string, overrides: Partial<ReportListItem> = {}): ReportListItem {
  return {
    id,
    reportNo: `R-${id}`,
    description: `问题 ${id}`,
    outcome: 'accepted',
    createdAt: '2025-06-01T08:00:00.000Z',
    category: { code: 'GY-02', name: '井盖' },
    ticket: {
      ...{ id: `t-${id}`, ticketNo: `GD-${id}`, status: 'in_progress' },
      ...{ category: { code: 'GY-02', name: '井盖' }, department: null, resolveBy: null, supporterCount: 1 },
    },
    thumbUrl: `https://api.test/t/${id}.jpg`,
    ...overrides,
  };
}

function resolved(id: string): ReportListItem {
  const item = report(id);
  return { ...item, ticket: item.ticket && { ...item.ticket, status: 'resolved' } };
}

const rows = () => Array.from(document.querySelectorAll('#my-reports .report-row'), (row) => row.getAttribute('data-id'));

describe('我的上报', () => {
  beforeEach(() => taroTest.reset());

  it('lists reports with their state and loads the next page at the bottom', async () => {
    signInAs(RESIDENT);
    taroTest.onRequest(
      apiRoutes({
        'GET /api/v1/reports/mine': (options) =>
          bodyOf(options).cursor === 'c2'
            ? json({ items: [report('3', { outcome: 'rejected', ticket: null })], nextCursor: null })
            : json({ items: [report('1'), resolved('2')], nextCursor: 'c2' }),
      }),
    );

    render(<MyReportsPage />);

    await waitFor(() => expect(rows()).toEqual(['1', '2']));
    expect(Array.from(document.querySelectorAll('.status-chip'), (chip) => chip.textContent)).toEqual(['处理中', '已办结']);

    act(() => taroTest.reachBottom());

    await waitFor(() => expect(rows()).toEqual(['1', '2', '3']));
    expect(document.querySelector('.report-row[data-id="3"] .status-chip')?.textContent).toBe('未受理');
    expect(document.getElementById('list-end')).not.toBeNull();

    fireEvent.click(document.querySelector('.report-row[data-id="2"]') as HTMLElement);
    expect(taroTest.taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/report/pages/detail/index?id=2' });
  });

  it('shows the current states again when the resident comes back to the tab', async () => {
    signInAs(RESIDENT);
    let status: 'in_progress' | 'resolved' = 'in_progress';
    taroTest.onRequest(
      apiRoutes({
        'GET /api/v1/reports/mine': () => json({ items: [status === 'resolved' ? resolved('1') : report('1')], nextCursor: null }),
      }),
    );
    render(<MyReportsPage />);
    await waitFor(() => expect(document.querySelector('.status-chip')?.textContent).toBe('处理中'));

    status = 'resolved';
    act(() => taroTest.show());

    await waitFor(() => expect(document.querySelector('.status-chip')?.textContent).toBe('已办结'));
  });

  it('marks merged, held and rejected reports with what intake decided', async () => {
    signInAs(RESIDENT);
    const merged = report('m', { outcome: 'merged' });
    taroTest.onRequest(
      apiRoutes({
        'GET /api/v1/reports/mine': () =>
          json({
            items: [
              { ...merged, ticket: merged.ticket && { ...merged.ticket, supporterCount: 4 } },
              report('r', { outcome: 'review', ticket: null }),
              report('x', { outcome: 'rejected', ticket: null }),
            ],
            nextCursor: null,
          }),
      }),
    );

    render(<MyReportsPage />);

    await waitFor(() => expect(rows()).toEqual(['m', 'r', 'x']));
    const chips = (id: string) =>
      Array.from(document.querySelectorAll(`.report-row[data-id="${id}"] .status-chip`), (chip) => chip.textContent);
    expect(chips('m')).toEqual(['已合并', '处理中']);
    expect(document.querySelector('.report-row[data-id="m"] .report-row__meta')?.textContent).toContain('4人反映');
    expect(chips('r')).toEqual(['审核中']);
    expect(chips('x')).toEqual(['未受理']);
  });

  it('says so when there is nothing yet', async () => {
    signInAs(RESIDENT);
    taroTest.onRequest(apiRoutes({ 'GET /api/v1/reports/mine': () => json({ items: [], nextCursor: null }) }));

    render(<MyReportsPage />);

    expect(await screen.findByText(/还没有上报过问题/)).toBeTruthy();
  });

  it('asks an H5 visitor to sign in, and shows the list after 体验登录', async () => {
    taroTest.onRequest(
      apiRoutes({
        'POST /api/v1/auth/dev': () => json({ accessToken: 'token-trial', expiresIn: 3600, user: RESIDENT }),
        'GET /api/v1/reports/mine': () => json({ items: [report('1')], nextCursor: null }),
      }),
    );

    render(<MyReportsPage />);
    fireEvent.click(screen.getByText('体验登录'));

    await waitFor(() => expect(rows()).toEqual(['1']));
    const login = taroTest.taro.request.mock.calls[0][0];
    expect(bodyOf(login).openid).toMatch(/^h5-/);
    expect(getSessionUser()).toEqual(RESIDENT);
  });

  it('signs a mini-program user in silently with the code of wx.login', async () => {
    process.env.TARO_ENV = 'weapp';
    try {
      taroTest.onRequest(
        apiRoutes({
          'POST /api/v1/auth/wechat': () => json({ accessToken: 'token-wx', expiresIn: 3600, user: RESIDENT }),
          'GET /api/v1/reports/mine': () => json({ items: [report('1')], nextCursor: null }),
        }),
      );

      render(<MyReportsPage />);

      await waitFor(() => expect(rows()).toEqual(['1']));
      expect(bodyOf(taroTest.taro.request.mock.calls[0][0])).toEqual({ code: 'wx-login-code' });
      expect(screen.queryByText('微信登录')).toBeNull();
    } finally {
      delete process.env.TARO_ENV;
    }
  });

  it('offers the login again when the server ends the session (401)', async () => {
    signInAs(RESIDENT);
    taroTest.onRequest(apiRoutes({ 'GET /api/v1/reports/mine': () => errorBody(401, 'UNAUTHENTICATED', '登录已失效，请重新登录') }));

    render(<MyReportsPage />);

    expect(await screen.findByText('体验登录')).toBeTruthy();
    expect(getSessionUser()).toBeNull();
  });
});
