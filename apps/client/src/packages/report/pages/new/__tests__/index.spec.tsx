import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type Taro from '@tarojs/taro';
import type { CategoryNode, CreateReportResponse } from '@ssp/contracts';
import { apiRoutes, bodyOf, errorBody, json } from '@test/api-routes';
import { errorText, photoView } from '@test/fixtures';
import { RESIDENT, signInAs } from '@test/session';
import { taroTest, type FakeResponse } from '@test/taro-mock';
import { loadDraft, saveDraft } from '@/stores/report-draft';
import NewReportPage from '../index';

// jsdom cannot tell whether a blob: URL still lives; in these tests every chosen file does.
jest.mock('@/utils/local-file', () => ({ isLocalFileAvailable: () => Promise.resolve(true) }));

const TREE: CategoryNode[] = [
  {
    code: 'GY',
    name: '公用设施',
    description: '',
    children: [{ code: 'GY-02', name: '井盖', description: '', children: [] }],
  },
];

const ACCEPTED: CreateReportResponse = {
  id: 'rep-1',
  reportNo: 'R20250601-0001',
  outcome: 'accepted',
  reasons: [],
  ticket: {
    id: 't-1',
    ticketNo: 'GD20250601-0001',
    status: 'dispatched',
    category: { code: 'GY-02', name: '井盖' },
    department: { code: 'SZYH', name: '市政设施综合养护管理中心' },
    resolveBy: '2025-06-02T10:00:00.000Z',
    supporterCount: 1,
  },
};

const PHOTO = photoView('photo-1');

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} not rendered`);
  return element;
}

function routesWith(createReport: (options: Taro.request.Option) => FakeResponse | Promise<FakeResponse>) {
  return apiRoutes({
    'GET /api/v1/categories': () => json(TREE),
    'GET /api/v1/categories/suggest': () =>
      json([{ code: 'GY-02', name: '井盖', parentName: '公用设施', confidence: 0.86 }, { code: 'GY-05', name: '路灯', parentName: '公用设施', confidence: 0.3 }]),
    'GET /api/v1/regions/locate': () => json({ inServiceArea: true, district: { code: '320104', name: '秦淮区' } }),
    'POST /api/v1/reports': createReport,
  });
}

async function fillForm(): Promise<void> {
  await screen.findByText('秦淮区');
  const add = document.querySelector('.photo-picker__add');
  if (!add) throw new Error('add-photo tile not rendered');
  fireEvent.click(add);
  await waitFor(() => expect(document.querySelectorAll('.photo-picker__cell[data-state="pending"]')).toHaveLength(1));
  fireEvent.change(byId('description'), { target: { value: '路口井盖松动，车辆经过有响声' } });
}

describe('new report page', () => {
  beforeEach(() => {
    taroTest.reset();
    signInAs(RESIDENT);
    taroTest.setRouterParams({ category: 'GY-02' });
    taroTest.onLocation(() => Promise.resolve({ latitude: 32.0416, longitude: 118.7784 }));
    taroTest.chooseFiles([{ path: 'blob:http://localhost/photo-a', size: 1_200_000 }]);
    taroTest.onUpload(async (_options, progress) => {
      await Promise.resolve();
      progress(60);
      return { statusCode: 201, data: JSON.stringify(PHOTO) };
    });
  });

  it('uploads the photo, then creates the report with the GPS position, and opens the result', async () => {
    taroTest.onRequest(routesWith(() => json(ACCEPTED, 201)));

    render(<NewReportPage />);
    await fillForm();
    expect(byId('category-value').textContent).toBe('公用设施 · 井盖');
    fireEvent.click(byId('submit'));

    const resultPage = { url: '/packages/report/pages/result/index?id=rep-1' };
    await waitFor(() => expect(taroTest.taro.redirectTo).toHaveBeenCalledWith(resultPage));
    expect(taroTest.taro.getLocation.mock.calls[0][0]).toMatchObject({ type: 'wgs84' });
    expect(taroTest.taro.uploadFile).toHaveBeenCalledTimes(1);
    const create = taroTest.taro.request.mock.calls.map(([options]) => options).find((options) => options.method === 'POST');
    expect(create && bodyOf(create)).toEqual({
      clientRequestId: expect.stringMatching(/^r-/),
      description: '路口井盖松动，车辆经过有响声',
      location: { lat: 32.0416, lng: 118.7784, coordSystem: 'wgs84' },
      photoIds: ['photo-1'],
      categoryCode: 'GY-02',
      deviceId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    });
    expect(taroTest.storage.has('ssp.report.draft')).toBe(false);
    // The device keeps its id: the next report names the same device.
    expect(taroTest.storage.get('ssp.device.id')).toBe(create && bodyOf(create).deviceId);
  });

  it('keeps the draft when the submit fails, and 重试 reuses the clientRequestId without uploading again', async () => {
    let attempts = 0;
    taroTest.onRequest(
      routesWith(() => {
        attempts += 1;
        return attempts === 1 ? Promise.reject({ errMsg: 'request:fail' }) : json(ACCEPTED, 201);
      }),
    );

    render(<NewReportPage />);
    await fillForm();
    fireEvent.click(byId('submit'));

    expect(await screen.findByText(/提交失败：网络连接失败/)).toBeTruthy();
    expect(byId('submit').textContent).toBe('重试');
    const kept = loadDraft();
    expect(kept.description).toBe('路口井盖松动，车辆经过有响声');
    expect(kept.photos).toEqual([expect.objectContaining({ photoId: 'photo-1' })]);
    expect(document.querySelector('.photo-picker__cell')?.getAttribute('data-state')).toBe('uploaded');

    fireEvent.click(byId('submit'));

    await waitFor(() => expect(taroTest.taro.redirectTo).toHaveBeenCalledTimes(1));
    expect(taroTest.taro.uploadFile).toHaveBeenCalledTimes(1);
    const creates = taroTest.taro.request.mock.calls.map(([options]) => options).filter((options) => options.method === 'POST');
    expect(creates).toHaveLength(2);
    expect(bodyOf(creates[1]).clientRequestId).toBe(bodyOf(creates[0]).clientRequestId);
    expect(bodyOf(creates[0]).clientRequestId).toBe(kept.clientRequestId);
    expect(bodyOf(creates[1]).photoIds).toEqual(['photo-1']);
  });

  it('marks the photo whose upload failed and sends no report', async () => {
    taroTest.onRequest(routesWith(() => json(ACCEPTED, 201)));
    taroTest.onUpload(() => Promise.resolve({ statusCode: 413, data: errorText('PAYLOAD_TOO_LARGE', '照片不能超过 10MB') }));

    render(<NewReportPage />);
    await fillForm();
    fireEvent.click(byId('submit'));

    expect(await screen.findByText(/提交失败：照片不能超过 10MB/)).toBeTruthy();
    expect(document.querySelector('.photo-picker__cell')?.getAttribute('data-state')).toBe('failed');
    expect(taroTest.taro.request.mock.calls.some(([options]) => options.method === 'POST')).toBe(false);
  });

  it('restores a saved draft on open, without asking for the position again', async () => {
    taroTest.setRouterParams({});
    taroTest.onRequest(routesWith(() => json(ACCEPTED, 201)));
    saveDraft({
      clientRequestId: 'r-saved',
      photos: [{ src: 'blob:http://localhost/photo-b', photoId: null, thumbUrl: null }],
      description: '人行道地砖松动',
      categoryCode: null,
      location: {
        ...{ lat: 32.05, lng: 118.79, coordSystem: 'wgs84', source: 'device' },
        ...{ placeName: null, districtName: '玄武区', inServiceArea: true },
      },
    });

    render(<NewReportPage />);

    expect(await screen.findByText(/已恢复上次未提交的内容/)).toBeTruthy();
    expect((byId('description') as HTMLTextAreaElement).value).toBe('人行道地砖松动');
    expect(byId('description-counter').textContent).toBe('7/500');
    expect(screen.getByText('玄武区')).toBeTruthy();
    expect(taroTest.taro.getLocation).not.toHaveBeenCalled();

    fireEvent.click(byId('discard-draft'));

    expect((byId('description') as HTMLTextAreaElement).value).toBe('');
    expect(loadDraft()).toMatchObject({ description: '', photos: [], location: null });
    expect(loadDraft().clientRequestId).not.toBe('r-saved');
    // A cleared form has no position any more, so it asks the device again.
    expect(await screen.findByText('秦淮区')).toBeTruthy();
    expect(taroTest.taro.getLocation).toHaveBeenCalledTimes(1);
  });

  it('tells why the form cannot be sent yet', async () => {
    taroTest.onRequest(routesWith(() => json(ACCEPTED, 201)));

    render(<NewReportPage />);
    await screen.findByText('秦淮区');
    fireEvent.click(byId('submit'));

    await waitFor(() => expect(taroTest.taro.showToast).toHaveBeenCalledWith({ title: '请至少拍摄或选择一张照片', icon: 'none' }));
    expect(taroTest.taro.uploadFile).not.toHaveBeenCalled();
  });

  it('offers a typed-in position when the browser refuses to locate', async () => {
    taroTest.onRequest(routesWith(() => json(ACCEPTED, 201)));
    taroTest.onLocation(() => Promise.reject({ errMsg: 'getLocation:fail User denied Geolocation' }));

    render(<NewReportPage />);

    expect(await screen.findByText(/浏览器未允许定位/)).toBeTruthy();
    fireEvent.change(byId('manual-lat'), { target: { value: '118.78' } });
    fireEvent.change(byId('manual-lng'), { target: { value: '32.04' } });
    fireEvent.click(byId('use-manual-location'));
    expect(screen.getByText(/似乎填反了/)).toBeTruthy();

    fireEvent.change(byId('manual-lat'), { target: { value: '32.04' } });
    fireEvent.change(byId('manual-lng'), { target: { value: '118.78' } });
    fireEvent.click(byId('use-manual-location'));

    expect(await screen.findByText('秦淮区')).toBeTruthy();
    expect(loadDraft().location).toMatchObject({ lat: 32.04, lng: 118.78, coordSystem: 'wgs84', source: 'manual' });
  });

  it('suggests categories under the description while the resident types, and a tap chooses one', async () => {
    taroTest.setRouterParams({});
    taroTest.onRequest(routesWith(() => json(ACCEPTED, 201)));

    render(<NewReportPage />);
    await fillForm();

    const suggestion = await screen.findByText('公用设施 · 井盖', {}, { timeout: 2000 });
    expect(screen.getByText('很可能')).toBeTruthy();
    expect(screen.getByText('公用设施 · 路灯')).toBeTruthy();
    expect(screen.getByText('可能')).toBeTruthy();
    const suggests = taroTest.taro.request.mock.calls.filter(([options]) => options.url.includes('/categories/suggest'));
    expect(suggests).toHaveLength(1);
    expect(suggests[0][0].data).toMatchObject({ text: '路口井盖松动，车辆经过有响声' });

    fireEvent.click(suggestion);

    expect(byId('category-value').textContent).toBe('公用设施 · 井盖');
    expect(document.getElementById('category-suggestions')).toBeNull();
    expect(loadDraft().categoryCode).toBe('GY-02');

    fireEvent.click(byId('submit'));
    await waitFor(() => expect(taroTest.taro.redirectTo).toHaveBeenCalledTimes(1));
    const create = taroTest.taro.request.mock.calls.map(([options]) => options).find((options) => options.method === 'POST');
    expect(create && bodyOf(create).categoryCode).toBe('GY-02');
  });

  it('says how long to wait when the resident submits too often, and keeps the draft', async () => {
    taroTest.onRequest(
      routesWith(() => errorBody(429, 'RATE_LIMITED', '提交过于频繁', { retryAfterSeconds: 170 })),
    );

    render(<NewReportPage />);
    await fillForm();
    fireEvent.click(byId('submit'));

    expect(await screen.findByText(/您提交得太频繁了，请3 分钟后再试/)).toBeTruthy();
    expect(byId('submit').textContent).toBe('重试');
    expect(loadDraft()).toMatchObject({ description: '路口井盖松动，车辆经过有响声', photos: [expect.objectContaining({ photoId: 'photo-1' })] });
    expect(taroTest.taro.redirectTo).not.toHaveBeenCalled();
  });

  it('keeps a rejected report as a draft to fix, under a new clientRequestId', async () => {
    const rejected: CreateReportResponse = {
      id: 'rep-2',
      reportNo: 'R20250601-0002',
      outcome: 'rejected',
      reasons: [{ code: 'BLOCKED_WORDS', message: '描述中含有不文明用语' }],
    };
    taroTest.onRequest(routesWith(() => json(rejected, 201)));

    render(<NewReportPage />);
    await fillForm();
    const sentId = loadDraft().clientRequestId;
    fireEvent.click(byId('submit'));

    await waitFor(() => expect(taroTest.taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/report/pages/result/index?id=rep-2' }));
    const kept = loadDraft();
    expect(kept).toMatchObject({ description: '路口井盖松动，车辆经过有响声', categoryCode: 'GY-02' });
    expect(kept.location).toMatchObject({ lat: 32.0416, lng: 118.7784 });
    expect(kept.clientRequestId).not.toBe(sentId);
    // The photo is still on the phone: the corrected report uploads it afresh.
    expect(kept.photos).toEqual([{ src: 'blob:http://localhost/photo-a', photoId: null, thumbUrl: null }]);
  });
});
