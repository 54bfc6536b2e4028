import { Module, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { OutboxHandlers } from '../../core/outbox/outbox-handlers.registry';
import { AuditModule } from '../audit/audit.module';
import { AdminOutboxController } from './admin-outbox.controller';
import { AdminOutboxService } from './admin-outbox.service';
import { NotificationsRepository } from './notifications.repository';
import { LogNoticeProvider } from './resident/log-notice.provider';
import { NOTICE_PROVIDER } from './resident/notice-provider';
import { ResidentNoticeHandler } from './resident/resident-notice.handler';
import { WechatAccessTokens } from './resident/wechat-access-token.service';
import { WechatNoticeProvider } from './resident/wechat-notice.provider';
import { TicketNotificationsService } from './ticket-notifications.service';
import { DepartmentWebhookHandler } from './webhook/department-webhook.handler';

/**
 * What tickets tell the outside world through the outbox: department webhooks and resident notices
 * (enqueued by TicketNotificationsService, delivered by the handlers registered here), and the admin
 * view of dead letters.
 */
@Module({
  imports: [AuditModule],
  controllers: [AdminOutboxController],
  providers: [
    NotificationsRepository,
    TicketNotificationsService,
    DepartmentWebhookHandler,
    ResidentNoticeHandler,
    WechatAccessTokens,
    LogNoticeProvider,
    WechatNoticeProvider,
    {
      provide: NOTICE_PROVIDER,
      inject: [APP_CONFIG, LogNoticeProvider, WechatNoticeProvider],
      useFactory: (config: AppConfig, log: LogNoticeProvider, wechat: WechatNoticeProvider) =>
        config.notifications.provider === 'wechat' ? wechat : log,
    },
    AdminOutboxService,
  ],
  exports: [TicketNotificationsService],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly handlers: OutboxHandlers,
    private readonly webhooks: DepartmentWebhookHandler,
    private readonly notices: ResidentNoticeHandler,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this.webhooks);
    this.handlers.register(this.notices);
  }
}
