import type { AuthResult, DevLoginRequest, Me, PasswordLoginRequest, WechatLoginRequest } from '@ssp/contracts';
import { apiRequest } from './request';

/** Resident login with the code of `Taro.login()` (weapp). */
export function loginWithWechat(body: WechatLoginRequest): Promise<AuthResult> {
  return apiRequest<AuthResult>({ method: 'POST', path: '/api/v1/auth/wechat', data: body, anonymous: true });
}

/** Trial resident login without WeChat (H5); the server answers 403 when it is switched off. */
export function loginAsTrialResident(body: DevLoginRequest): Promise<AuthResult> {
  return apiRequest<AuthResult>({ method: 'POST', path: '/api/v1/auth/dev', data: body, anonymous: true });
}

/** Staff and admin login: 401 for a wrong name or password, 429 with `retryAfterSeconds` when locked. */
export function loginWithPassword(body: PasswordLoginRequest): Promise<AuthResult> {
  return apiRequest<AuthResult>({ method: 'POST', path: '/api/v1/auth/login', data: body, anonymous: true });
}

export function fetchMe(): Promise<Me> {
  return apiRequest<Me>({ path: '/api/v1/me' });
}
