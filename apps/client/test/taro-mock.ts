import { useEffect, useRef } from 'react';
import type Taro from '@tarojs/taro';

/** What the app reads from a Taro.request / Taro.uploadFile answer; tests resolve or reject with these. */
export interface FakeResponse {
  statusCode: number;
  data: unknown;
}

type RequestHandler = (options: Taro.request.Option) => Promise<FakeResponse>;
/** `progress(percent)` fires the task's onProgressUpdate listeners, as the platform would mid-upload. */
type UploadHandler = (options: Taro.uploadFile.Option, progress: (percent: number) => void) => Promise<FakeResponse>;
type PlatformHandler<T> = () => Promise<T>;

const noHandler = (api: string) => () => Promise.reject(new Error(`no ${api} handler set in the test`));

const storage = new Map<string, unknown>();
let requestHandler: RequestHandler = noHandler('request');
let uploadHandler: UploadHandler = noHandler('uploadFile');
type ChosenMedia = { tempFiles: Array<{ tempFilePath: string; size: number; fileType: string }> };
let chooseMediaHandler: PlatformHandler<ChosenMedia> = noHandler('chooseMedia');
let locationHandler: PlatformHandler<{ latitude: number; longitude: number }> = noHandler('getLocation');
let modalHandler: PlatformHandler<{ confirm: boolean; cancel: boolean }> = noHandler('showModal');
let pullDownRefreshHandler: (() => void) | null = null;
let reachBottomHandler: (() => void) | null = null;
const didShowHandlers = new Set<() => void>();
let routerParams: Record<string, string> = {};

const ok = (api: string) => Promise.resolve({ errMsg: `${api}:ok` });

function uploadTask(options: Taro.uploadFile.Option) {
  const listeners: Taro.UploadTask.OnProgressUpdateCallback[] = [];
  const progress = (percent: number) =>
    listeners.forEach((listener) =>
      listener({ progress: percent, totalBytesSent: percent, totalBytesExpectedToSend: 100 }),
    );
  const result = uploadHandler(options, progress).then((response) => ({ ...response, errMsg: 'uploadFile:ok' }));
  return Object.assign(result, {
    onProgressUpdate: (listener: Taro.UploadTask.OnProgressUpdateCallback) => {
      listeners.push(listener);
    },
    abort: () => undefined,
  });
}

const taro = {
  request: jest.fn((options: Taro.request.Option) => requestHandler(options)),
  uploadFile: jest.fn(uploadTask),
  getStorageSync: jest.fn((key: string): unknown => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    // Real storage serialises; a test must not see the app's live objects through it.
    storage.set(key, JSON.parse(JSON.stringify(value)));
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key);
  }),
  navigateTo: jest.fn((_options: { url: string }) => ok('navigateTo')),
  redirectTo: jest.fn((_options: { url: string }) => ok('redirectTo')),
  switchTab: jest.fn((_options: { url: string }) => ok('switchTab')),
  showToast: jest.fn((_options: { title: string }) => ok('showToast')),
  showModal: jest.fn((_options: Taro.showModal.Option) => modalHandler()),
  stopPullDownRefresh: jest.fn(() => ok('stopPullDownRefresh')),
  setNavigationBarTitle: jest.fn((_options: { title: string }) => ok('setNavigationBarTitle')),
  makePhoneCall: jest.fn((_options: { phoneNumber: string }) => ok('makePhoneCall')),
  previewImage: jest.fn((_options: { urls: string[]; current?: string }) => ok('previewImage')),
  chooseMedia: jest.fn((_options: Taro.chooseMedia.Option) => chooseMediaHandler()),
  getLocation: jest.fn((_options: Taro.getLocation.Option) => locationHandler()),
  chooseLocation: jest.fn(() => Promise.reject({ errMsg: 'chooseLocation:fail cancel' })),
  login: jest.fn(() => Promise.resolve({ code: 'wx-login-code', errMsg: 'login:ok' })),
  requestSubscribeMessage: jest.fn((_options: { tmplIds: string[] }) => ok('requestSubscribeMessage')),
};

export default taro;

export function usePullDownRefresh(handler: () => void): void {
  pullDownRefreshHandler = handler;
}

export function useReachBottom(handler: () => void): void {
  reachBottomHandler = handler;
}

/** Every mounted component's handler runs on "show", as in Taro. */
export function useDidShow(handler: () => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const run = () => latest.current();
    didShowHandlers.add(run);
    return () => {
      didShowHandlers.delete(run);
    };
  }, []);
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
  onUpload(handler: UploadHandler): void {
    uploadHandler = handler;
  },
  /** The files the next chooseMedia hands back. */
  chooseFiles(files: Array<{ path: string; size: number; type?: string }>): void {
    const tempFiles = files.map((file) => ({ tempFilePath: file.path, size: file.size, fileType: file.type ?? 'image/jpeg' }));
    chooseMediaHandler = () => Promise.resolve({ tempFiles });
  },
  onLocation(handler: PlatformHandler<{ latitude: number; longitude: number }>): void {
    locationHandler = handler;
  },
  /** How the person answers the next confirmation dialogs (确定 or 取消). */
  answerModal(confirm: boolean): void {
    modalHandler = () => Promise.resolve({ confirm, cancel: !confirm });
  },
  setRouterParams(params: Record<string, string>): void {
    routerParams = params;
  },
  pullDownToRefresh(): void {
    if (!pullDownRefreshHandler) throw new Error('the page did not register usePullDownRefresh');
    pullDownRefreshHandler();
  },
  reachBottom(): void {
    if (!reachBottomHandler) throw new Error('the page did not register useReachBottom');
    reachBottomHandler();
  },
  show(): void {
    didShowHandlers.forEach((handler) => handler());
  },
  reset(): void {
    storage.clear();
    routerParams = {};
    pullDownRefreshHandler = null;
    reachBottomHandler = null;
    requestHandler = noHandler('request');
    uploadHandler = noHandler('uploadFile');
    chooseMediaHandler = noHandler('chooseMedia');
    locationHandler = noHandler('getLocation');
    modalHandler = noHandler('showModal');
    Object.values(taro).forEach((mock) => mock.mockClear());
  },
};
