import Taro from '@tarojs/taro';

/** Persisted across launches in Taro storage (localStorage on H5, wx storage on weapp). */
const TOKEN_KEY = 'ssp.session.accessToken';

export function getAccessToken(): string | null {
  const value: unknown = Taro.getStorageSync(TOKEN_KEY);
  return typeof value === 'string' && value !== '' ? value : null;
}

export function setAccessToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
}
