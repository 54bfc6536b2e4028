import type Taro from '@tarojs/taro';

/** What the app reads from a Taro.request answer; tests resolve or reject with these. */
export interface FakeResponse {
  statusCode: number;
  data: unknown;
}

type RequestHandler = (options: Taro.request.Option) => Promise<FakeResponse>;

const storage = new Map<string, unknown>();
let requestHandler: RequestHandler = () => Promise.reject(new Error('no request handler set in the test'));
let pullDownRefreshHandler: (() => void) | null = null;
let routerParams: Record<string, string> = {};

const ok = (api: string) => Promise.resolve({ errMsg: `${api}:ok` });

const taro = {
  request: jest.fn((options: Taro.request.Option) => requestHandler(options)),
  getStorageSync: jest.fn((key: string): unknown => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value);
  }),
  navigateTo: jest.fn((_options: { url: string }) => ok('navigateTo')),
  showToast: jest.fn((_options: { title: string }) => ok('showToast')),
  stopPullDownRefresh: jest.fn(() => ok('stopPullDownRefresh')),
  setNavigationBarTitle: jest.fn((_options: { title: string }) => ok('setNavigationBarTitle')),
  makePhoneCall: jest.fn((_options: { phoneNumber: string }) => ok('makePhoneCall')),
};

export default taro;

export function usePullDownRefresh(handler: () => void): void {
  pullDownRefreshHandler = handler;
}

export function useRouter(): { params: Record<string, string> } {
  return { params: routerParams };
}

/** Test-side controls of the fake Taro runtime. */
export const taroTest = {
  taro,
  storage,
  onRequest(handler: RequestHandler): void {
    requestHandler = handler;
  },
  setRouterParams(params: Record<string, string>): void {
    routerParams = params;
  },
  pullDownToRefresh(): void {
    if (!pullDownRefreshHandler) throw new Error('the page did not register usePullDownRefresh');
    pullDownRefreshHandler();
  },
  reset(): void {
    storage.clear();
    routerParams = {};
    pullDownRefreshHandler = null;
    requestHandler = () => Promise.reject(new Error('no request handler set in the test'));
    Object.values(taro).forEach((mock) => mock.mockClear());
  },
};
