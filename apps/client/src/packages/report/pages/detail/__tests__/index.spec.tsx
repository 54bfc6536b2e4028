import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReportDetail, TicketEventView, TicketStatus } from '@ssp/contracts';
import { apiRoutes, bodyOf, json } from '@test/api-routes';
import { photoView } from '@test/fixtures';
import { RESIDENT, signInAs } from '@test/session';
import { taroTest } from '@test/taro-mock';
import ReportDetailPage from '../index';

const RESULT_PHOTO = photoView('r1');

function event(
  id: string,
  action: TicketEventView['action'],
  label: string,
  overrides: Partial<TicketEventView>,
): TicketEventView {
  return {
    id,
    action,
    label,
    fromStatus: null,
    toStatus: null,
    actorRole: 'system',
    actorName: null,
    note: null,
    departmentName: '市政养护',
    until: null,
    trace: null,
    photos: [],
    createdAt: '2025-06-02T08:00:00.000Z',
    ...overrides,
  };
}

function resolvedReport(overrides: Partial<ReportDetail> = {}): ReportDetail {
  return {
    id: 'rep-1',
    reportNo: 'R20250601-0001',
    description: '路口井盖松动',
    outcome: 'accepted',
    createdAt: '2025-06-01T08:00:00.000Z',
    category: { code: 'GY-02', name: '井盖' },
    ticket: {
      id: 't-1',
      ticketNo: 'GD-1',
      status: 'resolved',
      category: { code: 'GY-02', name: '井盖' },
      department: { code: 'SZYH', name: '市政养护' },
      resolveBy: null,
      supporterCount: 1,
    },
    thumbUrl: null,
    location: { lat: 32.0416, lng: 118.7784, coordSystem: 'wgs84' },
    regionName: '秦淮区',
    reasons: [],
    photos: [],
    rating: null,
    ratingComment: null,
    canRate: true,
    canReopen: true,
    resolution: { reply: '已更换新井盖', photos: [RESULT_PHOTO], resolvedAt: '2025-06-02T08:00:00.000Z' },
    timeline: [
      event('e2', 'resolve', '办结', { fromStatus: 'in_progress', toStatus: 'resolved', actorRole: 'staff', note: '已更换新井盖' }),
      event('e1', 'open_dispatched', '派单', { toStatus: 'dispatched', createdAt: '2025-06-01T08:00:00.000Z' }),
    ],
    ...overrides,
  };
}

/** The report as the rating endpoint answers: the ticket moved on and cannot be rated again. */
function afterRating(status: TicketStatus, rating: number): ReportDetail {
  const before = resolvedReport();
  return { ...before, ticket: before.ticket && { ...before.ticket, status }, rating, canRate: false, canReopen: false };
}

describe('report detail page', () => {
  beforeEach(() => {
    taroTest.reset();
    signInAs(RESIDENT);
    taroTest.setRouterParams({ id: 'rep-1' });
  });

  it('shows the reply, result photos and the newest step first, and rates 5', async () => {
    taroTest.onRequest(
      apiRoutes({
        'GET /api/v1/reports/rep-1': () => json(resolvedReport()),
        'POST /api/v1/reports/rep-1/rating': () =>
          json(afterRating('closed', 5)),
      }),
    );

    render(<ReportDetailPage />);

    expect(await screen.findByText('已办结')).toBeTruthy();
    const steps = Array.from(document.querySelectorAll('#timeline .timeline__label'), (label) => label.textContent);
    expect(steps).toEqual(['办结', '派单']);
    fireEvent.click(document.querySelector('#result-photos img') as HTMLElement);
    expect(taroTest.taro.previewImage).toHaveBeenCalledWith({ urls: [RESULT_PHOTO.url], current: RESULT_PHOTO.url });

    fireEvent.click(document.getElementById('star-5') as HTMLElement);
    fireEvent.click(document.getElementById('submit-rating') as HTMLElement);

    expect(await screen.findByText('已结案')).toBeTruthy();
    const rating = taroTest.taro.request.mock.calls.map(([options]) => options).find((options) => options.method === 'POST');
    expect(rating && bodyOf(rating)).toEqual({ score: 5 });
    expect(document.getElementById('rating-card')).toBeNull();
    expect(document.getElementById('given-rating')).not.toBeNull();
  });

  it('does not send 不满意重办 without a reason, then sends it with one', async () => {
    taroTest.onRequest(
      apiRoutes({
        'GET /api/v1/reports/rep-1': () => json(resolvedReport()),
        'POST /api/v1/reports/rep-1/rating': () =>
          json(afterRating('dispatched', 1)),
      }),
    );

    render(<ReportDetailPage />);
    await screen.findByText('已办结');
    fireEvent.click(document.getElementById('star-1') as HTMLElement);
    fireEvent.click(document.getElementById('reopen') as HTMLElement);

    expect(screen.getByText('请写明不满意的原因，便于部门重新处理')).toBeTruthy();
    expect(taroTest.taro.request.mock.calls.some(([options]) => options.method === 'POST')).toBe(false);

    fireEvent.change(document.getElementById('rating-comment') as HTMLElement, { target: { value: '井盖还是松的' } });
    fireEvent.click(document.getElementById('reopen') as HTMLElement);

    await waitFor(() => expect(screen.getByText('待签收')).toBeTruthy());
    const reopen = taroTest.taro.request.mock.calls.map(([options]) => options).find((options) => options.method === 'POST');
    expect(reopen && bodyOf(reopen)).toEqual({ score: 1, comment: '井盖还是松的', reopen: true });
  });

  it('shows a rejected report with its reason and what to do about it', async () => {
    taroTest.onRequest(
      apiRoutes({
        'GET /api/v1/reports/rep-1': () =>
          json(
            resolvedReport({
              outcome: 'rejected',
              ticket: null,
              resolution: null,
              canRate: false,
              canReopen: false,
              timeline: [],
              reasons: [{ code: 'MODERATION_REJECTED', message: '照片与描述的问题不符' }],
            }),
          ),
      }),
    );

    render(<ReportDetailPage />);

    expect(await screen.findByText('照片与描述的问题不符')).toBeTruthy();
    expect(document.querySelector('#report-detail .status-chip')?.textContent).toBe('未受理');
    expect(screen.getByText(/如仍需反映，请根据说明修改后重新上报/)).toBeTruthy();
  });

  it('shows how many residents follow a merged report, and a held report as under review', async () => {
    const merged = resolvedReport();
    let answer = resolvedReport({
      outcome: 'merged',
      ticket: merged.ticket && { ...merged.ticket, status: 'in_progress', supporterCount: 5 },
      resolution: null,
      canRate: false,
      canReopen: false,
    });
    taroTest.onRequest(apiRoutes({ 'GET /api/v1/reports/rep-1': () => json(answer) }));

    const { unmount } = render(<ReportDetailPage />);

    expect(await screen.findByText('已有 5 位市民反映，您已加入该问题的跟踪')).toBeTruthy();
    unmount();

    answer = resolvedReport({ outcome: 'review', ticket: null, resolution: null, canRate: false, canReopen: false, timeline: [] });
    render(<ReportDetailPage />);

    expect(await screen.findByText(/正在人工审核/)).toBeTruthy();
    expect(document.querySelector('#report-detail .status-chip')?.textContent).toBe('审核中');
  });
});
