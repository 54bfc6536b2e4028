import { ErrorCode } from '@ssp/contracts';
import { failureOf } from '@test/fixtures';
import { taroTest } from '@test/taro-mock';
import { getAccessToken, saveSession } from '@/stores/session';
import { ClientErrorCode, apiRequest, fetchCategories, retryAfterSeconds } from '@/services/api';

describe('apiRequest', () => {
  beforeEach(() => taroTest.reset());

  it('calls API_BASE + path with a timeout and resolves with the body', async () => {
    taroTest.onRequest(() => Promise.resolve({ statusCode: 200, data: [{ code: 'A' }] }));

    await expect(apiRequest({ path: '/api/v1/categories' })).resolves.toEqual([{ code: 'A' }]);

    const options = taroTest.taro.request.mock.calls[0][0];
    expect(options.url).toBe('https://api.test/api/v1/categories');
    expect(options.method).toBe('GET');
    expect(options.timeout).toBeGreaterThan(0);
    expect(options.header).not.toHaveProperty('Authorization');
  });

  it('sends the stored token as a bearer token', async () => {
    saveSession({ accessToken: 'token-123', expiresIn: 3600, user: { id: 'u1', role: 'resident', nickname: '市民' } });
    taroTest.onRequest(() => Promise.resolve({ statusCode: 200, data: {} }));

    await apiRequest({ path: '/api/v1/me' });

    expect(taroTest.taro.request.mock.calls[0][0].header).toMatchObject({ Authorization: 'Bearer token-123' });
  });

  it.each([
    ['weapp', { errMsg: 'request:fail' }],
    ['H5 fetch', new TypeError('Failed to fetch')],
  ])('turns a %s network failure into NETWORK_ERROR', async (_platform, failure) => {
    taroTest.onRequest(() => Promise.reject(failure));

    const error = await failureOf(apiRequest({ path: '/x' }));

    expect(error).toMatchObject({ status: 0, code: ClientErrorCode.NETWORK_ERROR, message: '网络连接失败，请检查网络后重试' });
  });

  it.each([
    ['weapp', { errMsg: 'request:fail timeout' }],
    ['H5 (Taro aborts the fetch)', Object.assign(new Error('signal is aborted without reason'), { name: 'AbortError' })],
  ])('turns a %s timeout into TIMEOUT', async (_platform, failure) => {
    taroTest.onRequest(() => Promise.reject(failure));

    const error = await failureOf(apiRequest({ path: '/x' }));

    expect(error).toMatchObject({ status: 0, code: ClientErrorCode.TIMEOUT, message: '请求超时，请稍后重试' });
  });

  it.each([
    ['500 without a body', 500, null],
    ['502 with a proxy HTML page', 502, '<html>Bad Gateway</html>'],
  ])('turns a %s into SERVICE_UNAVAILABLE', async (_case, statusCode, data) => {
    taroTest.onRequest(() => Promise.resolve({ statusCode, data }));

    const error = await failureOf(apiRequest({ path: '/x' }));

    expect(error).toMatchObject({
      status: statusCode,
      code: ErrorCode.SERVICE_UNAVAILABLE,
      message: '服务暂时不可用，请稍后再试',
    });
  });

  it("passes the server's error code and message through", async () => {
    taroTest.onRequest(() =>
      Promise.resolve({ statusCode: 404, data: { error: { code: 'CATEGORY_NOT_FOUND', message: '分类不存在' } } }),
    );

    const error = await failureOf(apiRequest({ path: '/x' }));

    expect(error).toMatchObject({ status: 404, code: 'CATEGORY_NOT_FOUND', message: '分类不存在' });
  });

  it('gives a 404 without an error body a code of its own', async () => {
    taroTest.onRequest(() => Promise.resolve({ statusCode: 404, data: null }));

    const error = await failureOf(apiRequest({ path: '/x' }));

    expect(error).toMatchObject({ status: 404, code: ErrorCode.NOT_FOUND });
  });

  it('rejects a 200 whose body is not JSON', async () => {
    taroTest.onRequest(() => Promise.resolve({ statusCode: 200, data: null }));

    const error = await failureOf(apiRequest({ path: '/x' }));

    expect(error.code).toBe(ClientErrorCode.BAD_RESPONSE);
  });
});

describe('fetchCategories', () => {
  beforeEach(() => taroTest.reset());

  it('rejects a tree that is not an array', async () => {
    taroTest.onRequest(() => Promise.resolve({ statusCode: 200, data: { items: [] } }));

    const error = await failureOf(fetchCategories());

    expect(error.code).toBe(ClientErrorCode.BAD_RESPONSE);
  });
});

describe('apiRequest and the session', () => {
  beforeEach(() => taroTest.reset());

  const resident = { id: 'u1', role: 'resident', nickname: '市民' } as const;

  it('ends the session on a 401 to the token it sent', async () => {
    saveSession({ accessToken: 'token-1', expiresIn: 3600, user: resident });
    taroTest.onRequest(() => Promise.resolve({ statusCode: 401, data: null }));

    const error = await failureOf(apiRequest({ path: '/api/v1/reports/mine' }));

    expect(error).toMatchObject({ status: 401, code: ErrorCode.UNAUTHENTICATED, message: '登录已失效，请重新登录' });
    expect(getAccessToken()).toBeNull();
  });

  it('keeps a newer login when a late 401 answers an older token', async () => {
    saveSession({ accessToken: 'token-old', expiresIn: 3600, user: resident });
    let answer!: (response: { statusCode: number; data: unknown }) => void;
    taroTest.onRequest(() => new Promise((resolve) => (answer = resolve)));

    const pending = failureOf(apiRequest({ path: '/api/v1/reports/mine' }));
    saveSession({ accessToken: 'token-new', expiresIn: 3600, user: resident });
    answer({ statusCode: 401, data: null });
    await pending;

    expect(getAccessToken()).toBe('token-new');
  });

  it('sends no token with an anonymous request, so a wrong password does not end the session', async () => {
    saveSession({ accessToken: 'token-1', expiresIn: 3600, user: resident });
    taroTest.onRequest(() =>
      Promise.resolve({ statusCode: 401, data: { error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } } }),
    );

    await failureOf(apiRequest({ method: 'POST', path: '/api/v1/auth/login', data: {}, anonymous: true }));

    expect(taroTest.taro.request.mock.calls[0][0].header).not.toHaveProperty('Authorization');
    expect(getAccessToken()).toBe('token-1');
  });

  it('keeps the details of an error body, e.g. how long a locked login waits', async () => {
    taroTest.onRequest(() =>
      Promise.resolve({
        statusCode: 429,
        data: { error: { code: 'RATE_LIMITED', message: '登录失败次数过多，请 15 分钟后再试', details: { retryAfterSeconds: 899.2 } } },
      }),
    );

    const error = await failureOf(apiRequest({ path: '/x', anonymous: true }));

    expect(retryAfterSeconds(error)).toBe(900);
  });

  it('treats an expired token as no token', async () => {
    saveSession({ accessToken: 'token-1', expiresIn: 60, user: resident }, Date.now() - 61_000);
    taroTest.onRequest(() => Promise.resolve({ statusCode: 200, data: {} }));

    await apiRequest({ path: '/api/v1/categories' });

    expect(taroTest.taro.request.mock.calls[0][0].header).not.toHaveProperty('Authorization');
  });
});
