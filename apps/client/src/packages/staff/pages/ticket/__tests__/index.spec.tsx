import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type Taro from '@tarojs/taro';
import type { TicketDetail } from '@ssp/contracts';
import { apiRoutes, bodyOf, errorBody, json } from '@test/api-routes';
import { photoView } from '@test/fixtures';
import { ADMIN, STAFF, signInAs } from '@test/session';
import { taroTest, type FakeResponse } from '@test/taro-mock';
import TicketPage from '../index';

const PHOTO = photoView('p1');

function ticket(overrides: Partial<TicketDetail> = {}): TicketDetail {
  return {
    id: 't-1',
    ticketNo: 'GD20250601-0001',
    status: 'dispatched',
    category: { code: 'GY-02', name: '井盖' },
    department: { code: 'SZYH', name: '市政设施综合养护管理中心' },
    resolveBy: '2099-06-02T10:00:00.000Z',
    description: '路口井盖松动，车辆经过有响声',
    regionCode: '320104',
    regionName: '秦淮区',
    acceptBy: '2099-06-01T12:00:00.000Z',
    overdue: false,
    supporterCount: 1,
    createdAt: '2025-06-01T08:00:00.000Z',
    version: 3,
    location: { lat: 32.0416, lng: 118.7784, coordSystem: 'wgs84' },
    resolutionReply: null,
    resolvedAt: null,
    closedAt: null,
    pendingExtensionUntil: null,
    photos: [PHOTO],
    reports: [],
    mergedInto: null,
    events: [
      {
        id: 'e1',
        action: 'open_dispatched',
        label: '派单',
        fromStatus: null,
        toStatus: 'dispatched',
        actorRole: 'system',
        actorName: null,
        note: null,
        departmentName: '市政设施综合养护管理中心',
        until: null,
        trace: ['问题类型：公用设施/井盖（居民选择）', '规则「井盖归养护中心」命中 → 派往 市政设施综合养护管理中心'],
        photos: [],
        createdAt: '2025-06-01T08:00:00.000Z',
      },
    ],
    actions: ['accept', 'return', 'request_transfer'],
    ...overrides,
  };
}

type Route = (options: Taro.request.Option) => FakeResponse | Promise<FakeResponse>;

function serve(getTicket: Route, postAction: Route) {
  taroTest.onRequest(
    apiRoutes({
      'GET /api/v1/tickets/t-1': getTicket,
      'POST /api/v1/tickets/t-1/actions': postAction,
      'GET /api/v1/categories': () =>
        json([
          {
            code: 'GY',
            name: '公用设施',
            description: '',
            children: [
              { code: 'GY-02', name: '井盖', description: '', children: [] },
              { code: 'GY-04', name: '雨水箅子', description: '', children: [] },
            ],
          },
        ]),
      'GET /api/v1/departments': () =>
        json([
          { code: 'SZYH', name: '市政设施综合养护管理中心', shortName: '市政养护' },
          { code: 'YLJ', name: '南京市绿化园林局', shortName: '市绿化园林局' },
        ]),
    }),
  );
}

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} not rendered`);
  return element;
}

const posts = () => taroTest.taro.request.mock.calls.map(([options]) => options).filter((options) => options.method === 'POST');
const gets = () => taroTest.taro.request.mock.calls.filter(([options]) => options.url.endsWith('/api/v1/tickets/t-1'));

describe('ticket page', () => {
  beforeEach(() => {
    taroTest.reset();
    signInAs(STAFF);
    taroTest.setRouterParams({ id: 't-1' });
  });

  it('shows the ticket with one button per allowed action, and 签收 sends the version', async () => {
    serve(
      () => json(ticket()),
      () => json(ticket({ status: 'in_progress', version: 4, actions: ['resolve', 'request_extension', 'return'] })),
    );

    render(<TicketPage />);

    await screen.findByText('路口井盖松动，车辆经过有响声');
    const buttons = Array.from(document.querySelectorAll('#action-panel button'), (button) => button.textContent);
    expect(buttons).toEqual(['签收', '退单', '申请转派']);
    expect(screen.getByText('秦淮区')).toBeTruthy();
    expect(document.querySelectorAll('#timeline .timeline__item')).toHaveLength(1);
    // Staff see why the system sent the ticket to them.
    expect(screen.getByText('为什么派给这个部门')).toBeTruthy();
    expect(screen.getByText('规则「井盖归养护中心」命中 → 派往 市政设施综合养护管理中心')).toBeTruthy();
    fireEvent.click(document.querySelector('#ticket-photos img') as HTMLElement);
    expect(taroTest.taro.previewImage).toHaveBeenCalledWith({ urls: [PHOTO.url], current: PHOTO.url });

    fireEvent.click(byId('action-accept'));

    await waitFor(() => expect(byId('ticket-detail').getAttribute('data-version')).toBe('4'));
    expect(bodyOf(posts()[0])).toEqual({ action: 'accept', version: 3 });
    expect(byId('ticket-summary').getAttribute('data-status')).toBe('in_progress');
    expect(byId('action-resolve').textContent).toBe('办结');
  });

  it.each(['TICKET_STALE_VERSION', 'CONFLICT'])('reloads and says so when the ticket changed meanwhile (409 %s)', async (code) => {
    let loads = 0;
    serve(
      () => {
        loads += 1;
        return json(loads === 1 ? ticket() : ticket({ status: 'in_progress', version: 5, actions: ['resolve', 'return'] }));
      },
      () => errorBody(409, code, '工单已被他人更新，请刷新后重试'),
    );

    render(<TicketPage />);
    fireEvent.click(await screen.findByText('签收'));

    expect(await screen.findByText('工单已被他人更新，已为您刷新')).toBeTruthy();
    await waitFor(() => expect(byId('ticket-detail').getAttribute('data-version')).toBe('5'));
    expect(gets()).toHaveLength(2);
    expect(document.getElementById('action-accept')).toBeNull();
    expect(byId('action-resolve')).toBeTruthy();
  });

  it("shows the server's message for a transition that is no longer allowed", async () => {
    serve(
      () => json(ticket()),
      () => errorBody(409, 'TICKET_ILLEGAL_TRANSITION', '工单已被退回，不能签收'),
    );

    render(<TicketPage />);
    fireEvent.click(await screen.findByText('签收'));

    expect(await screen.findByText('工单已被退回，不能签收（已刷新为最新状态）')).toBeTruthy();
    expect(screen.queryByText('工单已被他人更新，已为您刷新')).toBeNull();
    await waitFor(() => expect(gets()).toHaveLength(2));
  });

  it('办结 needs a reply, uploads the result photo and sends both', async () => {
    serve(
      () => json(ticket({ status: 'in_progress', actions: ['resolve', 'request_extension', 'return'] })),
      () => json(ticket({ status: 'resolved', version: 4, actions: [], resolutionReply: '已更换新井盖' })),
    );
    taroTest.chooseFiles([{ path: 'blob:http://localhost/after', size: 900_000 }]);
    taroTest.onUpload(() => Promise.resolve({ statusCode: 201, data: JSON.stringify(photoView('after-1')) }));

    render(<TicketPage />);
    fireEvent.click(await screen.findByText('办结'));
    fireEvent.click(byId('action-submit'));

    expect(await screen.findByText('请填写办理情况答复')).toBeTruthy();
    expect(posts()).toHaveLength(0);

    fireEvent.change(byId('action-note'), { target: { value: '已更换新井盖' } });
    fireEvent.click(document.querySelector('#action-photos .photo-picker__add') as HTMLElement);
    await waitFor(() => expect(document.querySelectorAll('#action-photos .photo-picker__cell[data-state]')).toHaveLength(1));
    fireEvent.click(byId('action-submit'));

    await waitFor(() => expect(byId('ticket-summary').getAttribute('data-status')).toBe('resolved'));
    expect(bodyOf(posts()[0])).toEqual({ action: 'resolve', version: 3, note: '已更换新井盖', photoIds: ['after-1'] });
    expect(screen.getByText('当前没有需要您办理的操作')).toBeTruthy();
  });

  it('lets an admin dispatch a triage ticket to a department chosen from the list', async () => {
    signInAs(ADMIN);
    serve(
      () => json(ticket({ status: 'pending_triage', department: null, actions: ['dispatch', 'reject'] })),
      () => json(ticket({ version: 4, actions: ['transfer'] })),
    );

    render(<TicketPage />);
    await screen.findByText('路口井盖松动，车辆经过有响声');
    fireEvent.click(byId('action-dispatch'));
    fireEvent.click(await screen.findByText('市政养护'));
    fireEvent.click(byId('action-submit'));

    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(bodyOf(posts()[0])).toEqual({ action: 'dispatch', version: 3, departmentCode: 'SZYH' });
  });

  it('sends a resident to the staff login', async () => {
    signInAs({ id: 'r', role: 'resident', nickname: '市民' });
    serve(() => json(ticket()), () => json(ticket()));

    render(<TicketPage />);

    expect(screen.getByText(/无权查看此页面/)).toBeTruthy();
    expect(taroTest.taro.request).not.toHaveBeenCalled();
  });

  describe('corrections', () => {
    const REPORTS: TicketDetail['reports'] = [
      { id: 'rep-a', reportNo: 'R2025060100001', description: '路口井盖松动', createdAt: '2025-06-01T08:00:00.000Z', outcome: 'accepted' },
      { id: 'rep-b', reportNo: 'R2025060100007', description: '井盖响，晚上吵', createdAt: '2025-06-01T09:00:00.000Z', outcome: 'merged' },
      { id: 'rep-c', reportNo: 'R2025060100009', description: '旁边路灯也坏了', createdAt: '2025-06-01T10:00:00.000Z', outcome: 'merged' },
    ];
    const open = ticket({ status: 'in_progress', supporterCount: 3, reports: REPORTS, actions: ['resolve', 'reclassify', 'merge', 'split'] });

    it('shows every report behind the ticket, and 更正分类 sends the chosen 小类', async () => {
      serve(() => json(open), () => json({ ...open, category: { code: 'GY-04', name: '雨水箅子' }, version: 4 }));

      render(<TicketPage />);
      await screen.findByText('路口井盖松动，车辆经过有响声');
      expect(byId('ticket-supporters').textContent).toBe('共 3 人反映（附议 2 人）');
      expect(Array.from(document.querySelectorAll('#ticket-reports .ticket-report'), (row) => row.getAttribute('data-id'))).toEqual([
        'rep-a',
        'rep-b',
        'rep-c',
      ]);

      fireEvent.click(byId('action-reclassify'));
      fireEvent.click(byId('action-submit'));
      expect(screen.getByText('请选择正确的小类')).toBeTruthy();
      fireEvent.click(byId('toggle-categories'));
      fireEvent.click(await screen.findByText('公用设施'));
      fireEvent.click(screen.getByText('雨水箅子'));
      fireEvent.click(byId('action-submit'));

      await waitFor(() => expect(posts()).toHaveLength(1));
      expect(bodyOf(posts()[0])).toEqual({ action: 'reclassify', version: 3, categoryCode: 'GY-04' });
    });

    it('合并 checks the ticket number format and sends it with the reason', async () => {
      serve(() => json(open), () => json({ ...open, status: 'merged', actions: [], mergedInto: { id: 't-9', ticketNo: 'GD2025060100003' } }));

      render(<TicketPage />);
      await screen.findByText('路口井盖松动，车辆经过有响声');
      fireEvent.click(byId('action-merge'));
      fireEvent.change(byId('action-target-ticket'), { target: { value: 'GD-123' } });
      fireEvent.change(byId('action-note'), { target: { value: '同一井盖重复立案' } });
      fireEvent.click(byId('action-submit'));
      expect(screen.getByText(/工单号格式不对/)).toBeTruthy();
      expect(posts()).toHaveLength(0);

      fireEvent.change(byId('action-target-ticket'), { target: { value: ' gd2025060100003 ' } });
      fireEvent.click(byId('action-submit'));

      await waitFor(() => expect(byId('merged-into').textContent).toContain('已合并至 GD2025060100003'));
      expect(bodyOf(posts()[0])).toEqual({
        action: 'merge',
        version: 3,
        note: '同一井盖重复立案',
        targetTicketNo: 'GD2025060100003',
      });
      fireEvent.click(byId('merged-into'));
      expect(taroTest.taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/ticket/index?id=t-9' });
    });

    it('拆分 offers every report but the first and sends the chosen one with the reason', async () => {
      serve(() => json(open), () => json({ ...open, supporterCount: 2, reports: REPORTS.slice(0, 2), version: 4 }));

      render(<TicketPage />);
      await screen.findByText('路口井盖松动，车辆经过有响声');
      fireEvent.click(byId('action-split'));
      const choices = Array.from(document.querySelectorAll('#split-reports .split-report'), (row) => row.getAttribute('data-id'));
      expect(choices).toEqual(['rep-b', 'rep-c']);

      fireEvent.click(document.querySelector('#split-reports [data-id="rep-c"]') as HTMLElement);
      fireEvent.change(byId('action-note'), { target: { value: '路灯问题另行立案' } });
      fireEvent.click(byId('action-submit'));

      await waitFor(() => expect(posts()).toHaveLength(1));
      expect(bodyOf(posts()[0])).toEqual({ action: 'split', version: 3, note: '路灯问题另行立案', reportId: 'rep-c' });
      await waitFor(() => expect(byId('ticket-supporters').textContent).toBe('共 2 人反映（附议 1 人）'));
    });
  });
});
