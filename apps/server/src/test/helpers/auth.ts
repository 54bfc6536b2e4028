import type { AuthResult } from '@ssp/contracts';
import { ensureDemoPassword } from '../../seed/demo-credentials.util';
import { dataDirOf, request } from './test-app';

export interface LoggedIn {
  token: string;
  userId: string;
  headers: { authorization: string };
}

/**
 * Logs in through the real endpoints: residents with the dev login (a stable `openid` gives the same
 * resident again), staff and admins with the seeded demo accounts (default `staff.cgj` and `admin`).
 */
export async function loginAs(
  baseUrl: string,
  who: 'resident' | 'staff' | 'admin',
  options: { openid?: string; username?: string } = {},
): Promise<LoggedIn> {
  const response =
    who === 'resident'
      ? await request<AuthResult>(baseUrl, 'POST', '/api/v1/auth/dev', { json: { openid: options.openid } })
      : await request<AuthResult>(baseUrl, 'POST', '/api/v1/auth/login', {
          json: {
            username: options.username ?? (who === 'admin' ? 'admin' : 'staff.cgj'),
            password: ensureDemoPassword(dataDirOf(baseUrl)),
          },
        });
  if (response.status !== 200) throw new Error(`login as ${who} failed: ${response.status} ${response.text}`);
  const { accessToken, user } = response.body;
  return { token: accessToken, userId: user.id, headers: { authorization: `Bearer ${accessToken}` } };
}
