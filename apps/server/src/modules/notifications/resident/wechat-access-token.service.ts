import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../core/config/app-config';
import { APP_CONFIG } from '../../../core/config/config.module';

/** A token is replaced this long before WeChat says it expires. */
const EXPIRY_MARGIN_MS = 300_000;

interface TokenAnswer {
  access_token?: string;
  expires_in?: number;
  errcode?: number;
  errmsg?: string;
}

/**
 * The mini-program's access token for server APIs, fetched from `/cgi-bin/stable_token` (default: every
 * instance gets the same valid token, none invalidates another's) or `/cgi-bin/token`, cached until
 * shortly before it expires, one fetch at a time.
 */
@Injectable()
export class WechatAccessTokens {
  private cached: { token: string; expiresAt: number } | null = null;
  private fetching: Promise<string> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  token(now = Date.now()): Promise<string> {
    if (this.cached && now < this.cached.expiresAt) return Promise.resolve(this.cached.token);
    return this.fetchOnce(false);
  }

  /**
   * WeChat refused `refused` as expired or invalid (40001, 42001): fetch again. If the stable endpoint
   * still hands out the refused token, ask it for a new one (force_refresh).
   */
  async replace(refused: string): Promise<string> {
    if (this.cached && this.cached.token !== refused) return this.cached.token;
    this.cached = null;
    const fresh = await this.fetchOnce(false);
    if (fresh !== refused || this.config.notifications.wechat.tokenEndpoint !== 'stable_token') return fresh;
    this.cached = null;
    return this.fetchOnce(true);
  }

  private fetchOnce(forceRefresh: boolean): Promise<string> {
    this.fetching ??= this.fetchToken(forceRefresh).finally(() => (this.fetching = null));
    return this.fetching;
  }

  private async fetchToken(forceRefresh: boolean): Promise<string> {
    const { appId, appSecret, apiBase } = this.config.auth.wechat;
    if (!appId || !appSecret) throw new Error('WeChat is not configured (WECHAT_APP_ID, WECHAT_APP_SECRET)');
    const signal = AbortSignal.timeout(this.config.outbox.webhookTimeoutMs);
    let response: Response;
    if (this.config.notifications.wechat.tokenEndpoint === 'stable_token') {
      response = await fetch(new URL('/cgi-bin/stable_token', apiBase), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credential', appid: appId, secret: appSecret, force_refresh: forceRefresh }),
        signal,
      });
    } else {
      const url = new URL('/cgi-bin/token', apiBase);
      url.search = new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret: appSecret }).toString();
      response = await fetch(url, { signal });
    }
    if (!response.ok) throw new Error(`WeChat token endpoint answered HTTP ${response.status}`);
    const answer = (await response.json()) as TokenAnswer;
    if (!answer.access_token || answer.errcode) throw new Error(`WeChat token refused: ${answer.errcode ?? '?'} ${answer.errmsg ?? ''}`.trim());
    const lifetimeMs = (answer.expires_in ?? 7200) * 1000;
    this.cached = { token: answer.access_token, expiresAt: Date.now() + Math.max(lifetimeMs - EXPIRY_MARGIN_MS, lifetimeMs / 2) };
    return answer.access_token;
  }
}
