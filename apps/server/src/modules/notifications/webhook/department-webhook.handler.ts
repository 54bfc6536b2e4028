import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../core/config/app-config';
import { APP_CONFIG } from '../../../core/config/config.module';
import type { DeliveryOutcome, OutboxDelivery, OutboxHandler } from '../../../core/outbox/outbox-handler';
import { NotificationsRepository, type WebhookEndpoint } from '../notifications.repository';
import { DEPARTMENT_TOPICS, outboxTopicOf } from '../notification-topics';
import type { DepartmentWebhookPayload } from '../ticket-messages.util';
import { postBody } from './http-post.util';
import { webhookSignature } from './webhook-signature.util';

/** A department's URL and secret are read again after this long, so admin changes apply within seconds. */
const ENDPOINT_TTL_MS = 5000;

/**
 * POSTs ticket events to a department's system: `{ id, topic, occurredAt, ticket, event }` with
 * `X-Signature: sha256=<HMAC-SHA256 of the raw body with the department's secret>`, `X-Message-Id`
 * (the same on every attempt) and `X-Timestamp` (Unix seconds of this attempt). Any 2xx answer is
 * delivered; anything else, or no answer within WEBHOOK_TIMEOUT_MS, is retried later.
 */
@Injectable()
export class DepartmentWebhookHandler implements OutboxHandler {
  readonly topics = DEPARTMENT_TOPICS.map(outboxTopicOf);
  private readonly endpoints = new Map<string, { loadedAt: number; endpoint: Promise<WebhookEndpoint | null> }>();

  constructor(
    private readonly repository: NotificationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async deliver(message: OutboxDelivery): Promise<DeliveryOutcome> {
    const payload = message.payload as DepartmentWebhookPayload;
    const endpoint = await this.endpointOf(payload.departmentId);
    if (!endpoint) return { kind: 'skipped', reason: 'department has no webhook URL any more' };
    const body = JSON.stringify({ id: message.id, topic: payload.topic, occurredAt: payload.occurredAt, ticket: payload.ticket, event: payload.event });
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'suishoupai-webhook/1',
      'x-message-id': message.id,
      'x-topic': payload.topic,
      'x-timestamp': String(Math.floor(Date.now() / 1000)),
    };
    if (endpoint.secret) headers['x-signature'] = webhookSignature(body, endpoint.secret);
    try {
      const answer = await postBody(new URL(endpoint.url), body, headers, this.config.outbox.webhookTimeoutMs);
      if (answer.status >= 200 && answer.status < 300) return { kind: 'delivered' };
      return { kind: 'failed', error: `HTTP ${answer.status}${answer.bodyStart ? `: ${answer.bodyStart}` : ''}` };
    } catch (error) {
      return { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
  }

  private endpointOf(departmentId: string, now = Date.now()): Promise<WebhookEndpoint | null> {
    const cached = this.endpoints.get(departmentId);
    if (cached && now - cached.loadedAt < ENDPOINT_TTL_MS) return cached.endpoint;
    const endpoint = this.repository.webhookEndpoint(departmentId);
    this.endpoints.set(departmentId, { loadedAt: now, endpoint });
    endpoint.catch(() => this.endpoints.delete(departmentId));
    return endpoint;
  }
}
