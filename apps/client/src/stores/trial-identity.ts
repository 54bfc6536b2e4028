import Taro from '@tarojs/taro';

/**
 * The H5 trial login's resident id on this device. It outlives 退出登录 on purpose: signing in again
 * brings back the same resident and their reports, as a WeChat openid would.
 */
const TRIAL_ID_KEY = 'ssp.device.trialId';
const ID_PATTERN = /^[A-Za-z0-9_-]{8,48}$/;

export function trialResidentId(random: () => number = Math.random): string {
  const stored: unknown = Taro.getStorageSync(TRIAL_ID_KEY);
  if (typeof stored === 'string' && ID_PATTERN.test(stored)) return stored;
  const noise = Array.from({ length: 12 }, () => Math.floor(random() * 36).toString(36)).join('');
  const id = `h5-${Date.now().toString(36)}${noise}`;
  Taro.setStorageSync(TRIAL_ID_KEY, id);
  return id;
}
