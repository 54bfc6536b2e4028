import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface SubscribeMessage {
  accessToken: string;
  body: {
    touser: string;
    template_id: string;
    page?: string;
    miniprogram_state?: string;
    lang?: string;
    data: Record<string, { value: string }>;
  };
}

export interface FakeWechat {
  baseUrl: string;
  /** Query strings of the code2session requests the fake received, for assertions on what we sent. */
  calls: URLSearchParams[];
  /** Access tokens handed out (`/cgi-bin/token` and `/cgi-bin/stable_token`), oldest first. */
  tokensIssued: string[];
  /** Subscribe messages accepted (errcode 0). */
  subscribeMessages: SubscribeMessage[];
  /** Every subscribe request with the errcode it got, accepted or not. */
  subscribeAttempts: Array<{ accessToken: string; errcode: number }>;
  /** Makes the current access token expire now: the next send with it answers 42001. */
  expireToken(): void;
  /** openids that did not subscribe: sends to them answer 43101. */
  unsubscribed: Set<string>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A local HTTP server that behaves like WeChat's server API:
 * - `/sns/jscode2session`: `code-<openid>` logs in as that openid; the codes `used`, `busy` and
 *   `limited` answer WeChat's error codes; `broken` answers 502.
 * - `/cgi-bin/token` (GET) and `/cgi-bin/stable_token` (POST): the access token, 7200 s. The stable
 *   endpoint hands out the current token until it expires (or `force_refresh`), like WeChat's.
 * - `/cgi-bin/message/subscribe/send?access_token=…`: 40001 for an unknown token, 42001 for an
 *   expired one, 43101 for an openid in `unsubscribed`, else records the message (errcode 0).
 */
export async function startFakeWechat(appId: string, secret: string): Promise<FakeWechat> {
  const calls: URLSearchParams[] = [];
  const tokensIssued: string[] = [];
  const subscribeMessages: SubscribeMessage[] = [];
  const subscribeAttempts: FakeWechat['subscribeAttempts'] = [];
  const unsubscribed = new Set<string>();
  const expired = new Set<string>();
  let current: string | null = null;

  const issue = (): string => {
    current = `token-${randomBytes(6).toString('hex')}`;
    tokensIssued.push(current);
    return current;
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(JSON.stringify(body));
    };
    const credentialsOk = (id: string | null | undefined, key: string | null | undefined) => id === appId && key === secret;

    if (url.pathname === '/sns/jscode2session') {
      calls.push(url.searchParams);
      const code = url.searchParams.get('js_code') ?? '';
      if (!credentialsOk(url.searchParams.get('appid'), url.searchParams.get('secret'))) {
        return send(200, { errcode: 40125, errmsg: 'invalid appsecret' });
      }
      if (code === 'broken') return send(502, 'bad gateway');
      if (code === 'used') return send(200, { errcode: 40163, errmsg: 'code been used' });
      if (code === 'limited') return send(200, { errcode: 45011, errmsg: 'api minute-quota reach limit' });
      if (code === 'busy') return send(200, { errcode: -1, errmsg: 'system error' });
      if (!code.startsWith('code-')) return send(200, { errcode: 40029, errmsg: 'invalid code' });
      return send(200, { openid: `o${code.slice(5)}`, session_key: 'c2Vzc2lvbg==' });
    }
    if (url.pathname === '/cgi-bin/token' && req.method === 'GET') {
      if (url.searchParams.get('grant_type') !== 'client_credential') return send(200, { errcode: 40002, errmsg: 'invalid grant_type' });
      if (!credentialsOk(url.searchParams.get('appid'), url.searchParams.get('secret'))) {
        return send(200, { errcode: 40125, errmsg: 'invalid appsecret' });
      }
      return send(200, { access_token: issue(), expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/stable_token' && req.method === 'POST') {
      void readBody(req).then((raw) => {
        const body = JSON.parse(raw) as { grant_type?: string; appid?: string; secret?: string; force_refresh?: boolean };
        if (body.grant_type !== 'client_credential') return send(200, { errcode: 40002, errmsg: 'invalid grant_type' });
        if (!credentialsOk(body.appid, body.secret)) return send(200, { errcode: 40125, errmsg: 'invalid appsecret' });
        const token = current === null || expired.has(current) || body.force_refresh ? issue() : current;
        return send(200, { access_token: token, expires_in: 7200 });
      });
      return;
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      void readBody(req).then((raw) => {
        const accessToken = url.searchParams.get('access_token') ?? '';
        const body = JSON.parse(raw) as SubscribeMessage['body'];
        const errcode = !tokensIssued.includes(accessToken)
          ? 40001
          : expired.has(accessToken) || accessToken !== current
            ? 42001
            : unsubscribed.has(body.touser)
              ? 43101
              : 0;
        subscribeAttempts.push({ accessToken, errcode });
        if (errcode === 0) subscribeMessages.push({ accessToken, body });
        const errmsg = { 0: 'ok', 40001: 'invalid credential', 42001: 'access_token expired', 43101: 'user refuse to accept the msg' }[errcode];
        return send(200, { errcode, errmsg });
      });
      return;
    }
    return send(404, { errcode: 404, errmsg: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake WeChat is not on TCP');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    calls,
    tokensIssued,
    subscribeMessages,
    subscribeAttempts,
    unsubscribed,
    expireToken: () => {
      if (current) expired.add(current);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
