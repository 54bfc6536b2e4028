import type { DeliveryOutcome } from '../../../core/outbox/outbox-handler';
import type { ResidentNoticePayload } from '../ticket-messages.util';

/** How a resident hears of their ticket: WeChat subscribe messages, or the log in embedded mode. */
export interface NoticeProvider {
  readonly name: string;
  send(notice: ResidentNoticePayload, messageId: string): Promise<DeliveryOutcome>;
}

export const NOTICE_PROVIDER = Symbol('NOTICE_PROVIDER');
