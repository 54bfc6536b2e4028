import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CategoryNode, ModerationItem } from '@ssp/contracts';
import { apiRoutes, bodyOf, errorBody, json } from '@test/api-routes';
import { photoView } from '@test/fixtures';
import { ADMIN, STAFF, signInAs } from '@test/session';
import { taroTest, type FakeResponse } from '@test/taro-mock';
import type Taro from '@tarojs/taro';
import ModerationPage from '../index';

const TREE: CategoryNode[] = [
  {
    code: 'GY',
    name: '公用设施',
    description: '',
    children: [
      { code: 'GY-02', name: '井盖', description: '', children: [] },
      { code: 'GY-05', name: '路灯', description: '', children: [] },
    ],
  },
];

function held(id: string, overrides: Partial<ModerationItem> = {}): ModerationItem {
  return {
    id,
    reportNo: `R2025060100${id}`,
    description: `小区门口井盖不见了，晚上看不清 ${id}`,
    outcome: 'review',
    reasons: [{ code: 'REVIEW_WORDS', message: '描述含需人工确认的词语' }],
    checks: [
      { check: 'service_area', verdict: 'pass' },
      { check: 'text_rules', verdict: 'review', reason: { code: 'REVIEW_WORDS', message: '命中：看不清' } },
      { check: 'classify', verdict: 'pass', reason: { code: 'LOW_CONFIDENCE', message: '分类把握不大' } },
    ],
    createdAt: '2025-06-01T02:30:00.000Z',
    location: { lat: 32.0416, lng: 118.7784, coordSystem: 'wgs84' },
    regionName: '秦淮区',
    reporterNickname: '体验用户',
    chosenCategory: null,
    suggestedCategory: { code: 'GY-02', name: '井盖' },
    photos: [photoView(`p-${id}`)],
    decision: null,
    ...overrides,
  };
}

type Route = (options: Taro.request.Option) => FakeResponse | Promise<FakeResponse>;

function serve(queue: Route, decide: Route) {
  taroTest.onRequest(
    apiRoutes({
      'GET /api/v1/admin/reports': queue,
      'POST /api/v1/admin/reports/h1/decision': decide,
      'GET /api/v1/categories': () => json(TREE),
    }),
  );
}

const card = (id: string) => document.querySelector(`.moderation-card[data-id="${id}"]`) as HTMLElement | null;
const posts = () => taroTest.taro.request.mock.calls.map(([options]) => options).filter((options) => options.method === 'POST');
const queueLoads = () => taroTest.taro.request.mock.calls.filter(([options]) => options.url.includes('/admin/reports?') || options.url.endsWith('/admin/reports'));

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} not rendered`);
  return element;
}

describe('审核队列', () => {
  beforeEach(() => {
    taroTest.reset();
    signInAs(ADMIN);
  });

  it('lists held reports with photos, description, reasons and checks in Chinese, region and time', async () => {
    serve(() => json({ items: [held('h1'), held('h2')], nextCursor: null }), () => json(held('h1')));

    render(<ModerationPage />);

    await screen.findByText('小区门口井盖不见了，晚上看不清 h1');
    expect(bodyOf(queueLoads()[0][0])).toEqual({ outcome: 'review' });
    const first = card('h1') as HTMLElement;
    expect(first.textContent).toContain('描述含需人工确认的词语');
    expect(first.textContent).toContain('敏感词：需人工审核（命中：看不清）');
    expect(first.textContent).toContain('自动分类：通过（分类把握不大）');
    expect(first.textContent).not.toContain('服务范围');
    expect(first.textContent).toContain('秦淮区 · 体验用户');
    expect(first.textContent).toContain('2025-06-01 10:30');
    expect(first.textContent).toContain('系统建议：井盖');

    fireEvent.click(first.querySelector('.photo-grid img') as HTMLElement);
    expect(taroTest.taro.previewImage).toHaveBeenCalledWith({ urls: [photoView('p-h1').url], current: photoView('p-h1').url });
  });

  it('accepts a report with a corrected category, and takes it off the queue', async () => {
    serve(
      () => json({ items: [held('h1'), held('h2')], nextCursor: null }),
      () => json(held('h1', { outcome: 'accepted', decision: { decision: 'accept', reason: null, decidedAt: '2025-06-01T03:00:00.000Z' } })),
    );

    render(<ModerationPage />);
    await screen.findByText('小区门口井盖不见了，晚上看不清 h1');
    fireEvent.click((card('h1') as HTMLElement).querySelector('.moderation-card__accept') as HTMLElement);
    expect(screen.getByText('不选则使用：井盖')).toBeTruthy();
    fireEvent.click(byId('toggle-categories'));
    fireEvent.click(await screen.findByText('公用设施'));
    fireEvent.click(screen.getByText('路灯'));
    fireEvent.click(byId('decision-submit'));

    await waitFor(() => expect(card('h1')).toBeNull());
    expect(bodyOf(posts()[0])).toEqual({ decision: 'accept', categoryCode: 'GY-05' });
    expect(card('h2')).not.toBeNull();
    expect(taroTest.taro.showToast).toHaveBeenCalledWith({ title: '已通过', icon: 'success' });
  });

  it('rejects only with a reason the resident will read', async () => {
    serve(() => json({ items: [held('h1')], nextCursor: null }), () => json(held('h1', { outcome: 'rejected' })));

    render(<ModerationPage />);
    await screen.findByText('小区门口井盖不见了，晚上看不清 h1');
    fireEvent.click((card('h1') as HTMLElement).querySelector('.moderation-card__reject') as HTMLElement);
    fireEvent.click(byId('decision-submit'));

    expect(screen.getByText('请填写驳回原因，市民会看到这段说明')).toBeTruthy();
    expect(posts()).toHaveLength(0);

    fireEvent.change(byId('decision-reason'), { target: { value: ' 照片与描述不符，请补拍现场照片 ' } });
    fireEvent.click(byId('decision-submit'));

    expect(await screen.findByText('审核队列已清空，没有待审核的上报')).toBeTruthy();
    expect(bodyOf(posts()[0])).toEqual({ decision: 'reject', reason: '照片与描述不符，请补拍现场照片' });
  });

  it('says so and reloads when another admin decided first (409)', async () => {
    let loads = 0;
    serve(
      () => {
        loads += 1;
        return json({ items: loads === 1 ? [held('h1'), held('h2')] : [held('h2')], nextCursor: null });
      },
      () => errorBody(409, 'CONFLICT', '该上报已处理'),
    );

    render(<ModerationPage />);
    await screen.findByText('小区门口井盖不见了，晚上看不清 h1');
    fireEvent.click((card('h1') as HTMLElement).querySelector('.moderation-card__accept') as HTMLElement);
    fireEvent.click(byId('decision-submit'));

    expect(await screen.findByText('该上报已由其他管理员处理，已为您刷新列表')).toBeTruthy();
    await waitFor(() => expect(card('h1')).toBeNull());
    expect(loads).toBe(2);
    expect(card('h2')).not.toBeNull();
  });

  it('pages through a long queue', async () => {
    serve(
      (options) =>
        bodyOf(options).cursor === 'c2'
          ? json({ items: [held('h3')], nextCursor: null })
          : json({ items: [held('h1'), held('h2')], nextCursor: 'c2' }),
      () => json(held('h1')),
    );

    render(<ModerationPage />);
    await screen.findByText('小区门口井盖不见了，晚上看不清 h1');
    fireEvent.click(byId('load-more'));

    await waitFor(() => expect(card('h3')).not.toBeNull());
    expect(byId('list-end')).toBeTruthy();
  });

  it('is for admins only', () => {
    signInAs(STAFF);
    serve(() => json({ items: [], nextCursor: null }), () => json(held('h1')));

    render(<ModerationPage />);

    expect(screen.getByText('请使用管理员账号登录')).toBeTruthy();
    expect(taroTest.taro.request).not.toHaveBeenCalled();
  });
});
