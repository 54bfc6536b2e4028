import { Inject, Injectable } from '@nestjs/common';
import type { DeliveryOutcome, OutboxDelivery, OutboxHandler } from '../../../core/outbox/outbox-handler';
import { RESIDENT_NOTICE_TOPIC } from '../notification-topics';
import type { ResidentNoticePayload } from '../ticket-messages.util';
import { NOTICE_PROVIDER, type NoticeProvider } from './notice-provider';

/** Delivers resident notices through the configured provider. */
@Injectable()
export class ResidentNoticeHandler implements OutboxHandler {
  readonly topics = [RESIDENT_NOTICE_TOPIC];

  constructor(@Inject(NOTICE_PROVIDER) private readonly provider: NoticeProvider) {}

  deliver(message: OutboxDelivery): Promise<DeliveryOutcome> {
    return this.provider.send(message.payload as ResidentNoticePayload, message.id);
  }
}
