import { createServer, type Server } from 'node:http';

export interface FakeWechat {
  baseUrl: string;
  /** Requests the fake received, for assertions on what we sent. */
  calls: URLSearchParams[];
  close(): Promise<void>;
}

/**
 * A local HTTP server answering `/sns/jscode2session` as WeChat does: `code-<openid>` logs in as that
 * openid; the codes `used`, `busy` and `limited` answer WeChat's error codes; `broken` answers 502.
 */
export async function startFakeWechat(appId: string, secret: string): Promise<FakeWechat> {
  const calls: URLSearchParams[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    calls.push(url.searchParams);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/sns/jscode2session') return send(404, { errcode: 404, errmsg: 'not found' });
    const code = url.searchParams.get('js_code') ?? '';
    if (url.searchParams.get('appid') !== appId || url.searchParams.get('secret') !== secret) {
      return send(200, { errcode: 40125, errmsg: 'invalid appsecret' });
    }
    if (code === 'broken') return send(502, 'bad gateway');
    if (code === 'used') return send(200, { errcode: 40163, errmsg: 'code been used' });
    if (code === 'limited') return send(200, { errcode: 45011, errmsg: 'api minute-quota reach limit' });
    if (code === 'busy') return send(200, { errcode: -1, errmsg: 'system error' });
    if (!code.startsWith('code-')) return send(200, { errcode: 40029, errmsg: 'invalid code' });
    return send(200, { openid: `o${code.slice(5)}`, session_key: 'c2Vzc2lvbg==' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake WeChat is not on TCP');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
