import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig, WechatTemplateField } from '../../../core/config/app-config';
import { APP_CONFIG } from '../../../core/config/config.module';
import type { DeliveryOutcome } from '../../../core/outbox/outbox-handler';
import { NotificationsRepository } from '../notifications.repository';
import type { ResidentNoticePayload } from '../ticket-messages.util';
import type { NoticeProvider } from './notice-provider';
import { WechatAccessTokens } from './wechat-access-token.service';

/** The access token expired or is not valid (any more). */
const TOKEN_ERRCODES = new Set([40001, 42001, 40014]);
/** Nothing to retry: the resident has no subscription left for the template, or the openid is unknown. */
const FINAL_ERRCODES = new Map([
  [43101, 'resident did not subscribe (43101)'],
  [40003, 'openid unknown to WeChat (40003)'],
]);

interface SendAnswer {
  errcode?: number;
  errmsg?: string;
}

/** WeChat's limits per data type: `thing` 20 characters, `phrase` 5, `character_string` 32. */
function fitted(key: string, value: string): string {
  const limit = key.startsWith('thing') ? 20 : key.startsWith('phrase') ? 5 : key.startsWith('character_string') ? 32 : 20;
  const characters = [...value];
  return characters.length <= limit ? value : `${characters.slice(0, limit - 1).join('')}…`;
}

/** 2026-05-01 14:30 in Beijing time, the `time` format of subscribe messages. */
function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Subscribe messages (`subscribeMessage.send`): `POST {WECHAT_API_BASE}/cgi-bin/message/subscribe/send`
 * with the cached access token, fetched again once when WeChat says it expired. The openid is read at
 * delivery time; the outbox holds only the user id.
 */
@Injectable()
export class WechatNoticeProvider implements NoticeProvider {
  readonly name = 'wechat';

  constructor(
    private readonly tokens: WechatAccessTokens,
    private readonly repository: NotificationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(notice: ResidentNoticePayload): Promise<DeliveryOutcome> {
    const openid = await this.repository.openidOf(notice.userId);
    if (!openid) return { kind: 'skipped', reason: 'resident has no WeChat openid' };
    const body = JSON.stringify(this.messageFor(notice, openid));
    let token = await this.tokens.token();
    let answer = await this.post(token, body);
    if (answer.errcode !== undefined && TOKEN_ERRCODES.has(answer.errcode)) {
      token = await this.tokens.replace(token);
      answer = await this.post(token, body);
    }
    if (!answer.errcode) return { kind: 'delivered' };
    const final = FINAL_ERRCODES.get(answer.errcode);
    if (final) return { kind: 'skipped', reason: final };
    return { kind: 'failed', error: `WeChat errcode ${answer.errcode}: ${answer.errmsg ?? ''}`.trim() };
  }

  private messageFor(notice: ResidentNoticePayload, openid: string): Record<string, unknown> {
    const wechat = this.config.notifications.wechat;
    const template = notice.action === 'resolve' ? wechat.templates.resolved : wechat.templates.status;
    const values: Record<WechatTemplateField, string> = {
      ticketNo: notice.ticketNo,
      status: notice.statusLabel,
      summary: notice.summary,
      time: beijingTime(notice.occurredAt),
    };
    const data = Object.fromEntries(
      (Object.entries(wechat.fields) as Array<[WechatTemplateField, string]>).map(([field, key]) => [key, { value: fitted(key, values[field]) }]),
    );
    return {
      touser: openid,
      template_id: template,
      page: wechat.page.replace('{reportId}', encodeURIComponent(notice.reportId)),
      miniprogram_state: wechat.miniprogramState,
      lang: 'zh_CN',
      data,
    };
  }

  private async post(token: string, body: string): Promise<SendAnswer> {
    const url = new URL('/cgi-bin/message/subscribe/send', this.config.auth.wechat.apiBase);
    url.searchParams.set('access_token', token);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(this.config.outbox.webhookTimeoutMs),
    });
    if (!response.ok) return { errcode: -response.status, errmsg: `HTTP ${response.status}` };
    return (await response.json()) as SendAnswer;
  }
}
