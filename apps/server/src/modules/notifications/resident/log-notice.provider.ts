import { Injectable, Logger } from '@nestjs/common';
import type { DeliveryOutcome } from '../../../core/outbox/outbox-handler';
import type { ResidentNoticePayload } from '../ticket-messages.util';
import type { NoticeProvider } from './notice-provider';

/** Embedded mode: the notice goes to the log (no openid in it), so trials need no WeChat account. */
@Injectable()
export class LogNoticeProvider implements NoticeProvider {
  readonly name = 'log';
  private readonly logger = new Logger('ResidentNotice');

  async send(notice: ResidentNoticePayload, messageId: string): Promise<DeliveryOutcome> {
    this.logger.log(`notice ${messageId} to resident ${notice.userId}: ${notice.ticketNo} ${notice.statusLabel} — ${notice.summary}`);
    return { kind: 'delivered' };
  }
}
