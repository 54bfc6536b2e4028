/**
 * `API_BASE` is baked into the bundle at build time (it is a define constant, and an Nx input of the
 * build targets), so a wrong value must stop the build rather than ship an app that cannot reach its API.
 *
 * - H5: empty means "same origin" — the NestJS server serves dist/h5 next to /api, which also keeps
 *   cookies and `uploadFile` credentials same-origin.
 * - weapp: a mini program has no origin of its own, and WeChat only allows https request domains that
 *   are registered in the mini program console, so an absolute https URL is required.
 *   `TARO_APP_ALLOW_HTTP=1` accepts http:// for local testing in WeChat DevTools with
 *   "不校验合法域名" ticked, e.g. `API_BASE=http://192.168.1.20:3000 TARO_APP_ALLOW_HTTP=1`.
 */
export function resolveApiBase(env: NodeJS.ProcessEnv): string {
  const apiBase = (env.API_BASE ?? '').trim().replace(/\/+$/, '');
  if (apiBase !== '' && !/^https?:\/\/[^/]+/.test(apiBase)) {
    throw new Error(`API_BASE must be an absolute http(s) URL such as https://ssp.example.cn, got "${apiBase}".`);
  }
  if (env.TARO_ENV !== 'weapp') return apiBase;

  const allowHttp = env.TARO_APP_ALLOW_HTTP === '1';
  if (apiBase === '') {
    throw new Error(
      'API_BASE is required for the weapp build: a mini program cannot call a relative URL. ' +
        'Set API_BASE=https://<your API domain> (registered as a request domain in the WeChat console).',
    );
  }
  if (!apiBase.startsWith('https://') && !allowHttp) {
    throw new Error(
      `API_BASE must use https for the weapp build (WeChat rejects http request domains), got "${apiBase}". ` +
        'For local WeChat DevTools testing only, set TARO_APP_ALLOW_HTTP=1.',
    );
  }
  return apiBase;
}
