import { createHmac } from 'node:crypto';
import type { AuthResult, ErrorBody, Me } from '@ssp/contracts';
import { DataSource } from 'typeorm';
import { loginAs } from '../helpers/auth';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A token signed with our secret but with the claims we choose, to probe the verifier. */
function forge(secret: string, header: Record<string, unknown>, payload: Record<string, unknown>): string {
  const unsigned = `${base64url(header)}.${base64url(payload)}`;
  const signature = createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

describe('auth', () => {
  let wechat: FakeWechat;
  let t: TestApp;
  beforeAll(async () => {
    wechat = await startFakeWechat('wx-test-app', 'wx-test-secret');
    t = await startTestApp({
      WECHAT_APP_ID: 'wx-test-app',
      WECHAT_APP_SECRET: 'wx-test-secret',
      WECHAT_API_BASE: wechat.baseUrl,
      LOGIN_MAX_FAILURES: '3',
      TRUST_PROXY: 'true',
    });
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  describe('WeChat login', () => {
    it('signs a resident in through code2session and finds the same resident next time', async () => {
      const first = await request<AuthResult>(t.baseUrl, 'POST', '/api/v1/auth/wechat', { json: { code: 'code-alice' } });
      expect(first.status).toBe(200);
      expect(first.body.user.role).toBe('resident');
      expect(first.body.expiresIn).toBeGreaterThan(0);
      const sent = wechat.calls.at(-1);
      expect(sent?.get('appid')).toBe('wx-test-app');
      expect(sent?.get('js_code')).toBe('code-alice');
      expect(sent?.get('grant_type')).toBe('authorization_code');
      const second = await request<AuthResult>(t.baseUrl, 'POST', '/api/v1/auth/wechat', { json: { code: 'code-alice' } });
      expect(second.body.user.id).toBe(first.body.user.id);
      const me = await request<Me>(t.baseUrl, 'GET', '/api/v1/me', {
        headers: { authorization: `Bearer ${second.body.accessToken}` },
      });
      expect(me.body).toEqual({ id: first.body.user.id, role: 'resident', nickname: '微信用户' });
      expect(JSON.stringify(me.body)).not.toContain('oalice');
    });

    it.each([
      ['an invalid code', 'nonsense', 401, 'UNAUTHENTICATED'],
      ['a used code', 'used', 401, 'UNAUTHENTICATED'],
      ['WeChat rate limiting', 'limited', 429, 'RATE_LIMITED'],
      ['WeChat busy', 'busy', 503, 'SERVICE_UNAVAILABLE'],
      ['WeChat unreachable', 'broken', 503, 'SERVICE_UNAVAILABLE'],
    ])('maps %s to %i', async (_label, code, status, errorCode) => {
      const response = await request<ErrorBody>(t.baseUrl, 'POST', '/api/v1/auth/wechat', { json: { code } });
      expect(response.status).toBe(status);
      expect(response.body.error.code).toBe(errorCode);
    });

    it('refuses a malformed body', async () => {
      for (const json of [{}, { code: '' }, { code: 'x'.repeat(500) }, { code: 42 }]) {
        expect((await request(t.baseUrl, 'POST', '/api/v1/auth/wechat', { json })).status).toBe(400);
      }
    });
  });

  describe('password login', () => {
    it('signs staff in with their department', async () => {
      const staff = await loginAs(t.baseUrl, 'staff', { username: 'staff.ld' });
      const me = await request<Me>(t.baseUrl, 'GET', '/api/v1/me', { headers: staff.headers });
      expect(me.body.role).toBe('staff');
      expect(me.body.department?.code).toBe('LD');
    });

    it('answers a wrong password and an unknown user alike', async () => {
      const wrong = await request<ErrorBody>(t.baseUrl, 'POST', '/api/v1/auth/login', {
        json: { username: 'staff.ylj', password: 'wrong-password' },
      });
      const unknown = await request<ErrorBody>(t.baseUrl, 'POST', '/api/v1/auth/login', {
        json: { username: 'nobody.here', password: 'wrong-password' },
      });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
    });

    it('locks an account after repeated failures, even for the right password, and says when to retry', async () => {
      for (let i = 0; i < 3; i += 1) {
        const response = await request(t.baseUrl, 'POST', '/api/v1/auth/login', {
          json: { username: 'staff.jgj', password: `guess-${i}` },
          headers: { 'x-forwarded-for': `10.9.0.${i}` },
        });
        expect(response.status).toBe(401);
      }
      const locked = await request<ErrorBody>(t.baseUrl, 'POST', '/api/v1/auth/login', {
        json: { username: 'staff.jgj', password: 'irrelevant' },
        headers: { 'x-forwarded-for': '10.9.0.99' },
      });
      expect(locked.status).toBe(429);
      expect(locked.body.error.details?.retryAfterSeconds).toBeGreaterThan(0);
      await expect(loginAs(t.baseUrl, 'staff', { username: 'staff.jgj' })).rejects.toThrow(/429/);
    });

    it('does not let residents use password login', async () => {
      const dataSource = t.app.get(DataSource);
      const resident = await loginAs(t.baseUrl, 'resident', { openid: 'pw-probe' });
      await dataSource.query('UPDATE users SET username = ?, passwordHash = (SELECT passwordHash FROM (SELECT passwordHash FROM users WHERE username = ?) AS admin_hash) WHERE id = ?', [
        'resident.pw',
        'admin',
        resident.userId,
      ]);
      await expect(loginAs(t.baseUrl, 'admin', { username: 'resident.pw' })).rejects.toThrow(/401/);
    });
  });

  describe('tokens', () => {
    const secret = () => t.config.auth.jwtSecret;
    const me = (authorization?: string) =>
      request<ErrorBody>(t.baseUrl, 'GET', '/api/v1/me', { headers: authorization ? { authorization } : {} });

    it('refuses missing, malformed, tampered, alg:none and expired tokens', async () => {
      const resident = await loginAs(t.baseUrl, 'resident');
      const [header, , signature] = resident.token.split('.');
      const now = Math.floor(Date.now() / 1000);
      const cases = [
        undefined,
        'Bearer',
        'Basic abc',
        'Bearer not.a.jwt',
        `Bearer ${header}.${base64url({ sub: resident.userId, role: 'admin', exp: now + 600 })}.${signature}`,
        `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: resident.userId, role: 'resident' })}.`,
        `Bearer ${forge('another-secret-entirely', { alg: 'HS256', typ: 'JWT' }, { sub: resident.userId, role: 'resident', exp: now + 600 })}`,
        `Bearer ${forge(secret(), { alg: 'HS256', typ: 'JWT' }, { sub: resident.userId, role: 'resident', exp: now - 10 })}`,
        `Bearer ${forge(secret(), { alg: 'HS256', typ: 'JWT' }, { sub: resident.userId, role: 'superuser', exp: now + 600 })}`,
      ];
      for (const authorization of cases) {
        const response = await me(authorization);
        expect({ authorization, status: response.status }).toEqual({ authorization, status: 401 });
        expect(response.body.error.code).toBe('UNAUTHENTICATED');
      }
      expect((await me(`Bearer ${resident.token}`)).status).toBe(200);
    });

    it('cuts off a deactivated account at once', async () => {
      const resident = await loginAs(t.baseUrl, 'resident', { openid: 'to-be-banned' });
      expect((await me(`Bearer ${resident.token}`)).status).toBe(200);
      await t.app.get(DataSource).query('UPDATE users SET active = ? WHERE id = ?', [false, resident.userId]);
      expect((await me(`Bearer ${resident.token}`)).status).toBe(401);
    });
  });
});

describe('auth with WeChat unconfigured and dev login off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_DEV_LOGIN: 'false' });
  });
  afterAll(() => t.close());

  it('answers WeChat login with 503 and dev login with 403', async () => {
    const wechat = await request<ErrorBody>(t.baseUrl, 'POST', '/api/v1/auth/wechat', { json: { code: 'code-x' } });
    expect(wechat.status).toBe(503);
    const dev = await request<ErrorBody>(t.baseUrl, 'POST', '/api/v1/auth/dev', { json: {} });
    expect(dev.status).toBe(403);
    expect(dev.body.error.message).toBe('开发登录已关闭');
  });
});
