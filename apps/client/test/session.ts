import type { Me } from '@ssp/contracts';
import { saveSession } from '@/stores/session';

export const RESIDENT: Me = { id: 'u-resident', role: 'resident', nickname: '体验用户' };
export const STAFF: Me = {
  id: 'u-staff',
  role: 'staff',
  nickname: '王志强（市政养护）',
  department: { code: 'SZYH', name: '市政设施综合养护管理中心' },
};
export const ADMIN: Me = { id: 'u-admin', role: 'admin', nickname: '市指挥中心管理员' };

/** Stores a session as a login would. */
export function signInAs(user: Me, accessToken = `token-${user.id}`): void {
  saveSession({ accessToken, expiresIn: 3600, user });
}
