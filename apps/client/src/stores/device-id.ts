import Taro from '@tarojs/taro';
import { INTAKE_LIMITS } from '@ssp/contracts';

/**
 * A random id of this installation, sent with every report so the server can limit how often one
 * device submits. Made once and kept in storage; it says nothing about the person or the phone.
 */
const DEVICE_ID_KEY = 'ssp.device.id';
const ID_PATTERN = new RegExp(`^[A-Za-z0-9_-]{8,${INTAKE_LIMITS.deviceIdMaxChars}}$`);
const NOISE_CHARS = 20;

export function deviceId(now = Date.now(), random: () => number = Math.random): string {
  const stored: unknown = Taro.getStorageSync(DEVICE_ID_KEY);
  if (typeof stored === 'string' && ID_PATTERN.test(stored)) return stored;
  const noise = Array.from({ length: NOISE_CHARS }, () => Math.floor(random() * 36).toString(36)).join('');
  const id = `d-${now.toString(36)}-${noise}`;
  Taro.setStorageSync(DEVICE_ID_KEY, id);
  return id;
}
