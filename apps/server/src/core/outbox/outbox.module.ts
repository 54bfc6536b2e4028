import { Global, Module } from '@nestjs/common';
import { OutboxHandlers } from './outbox-handlers.registry';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { OutboxWorker } from './outbox.worker';

/** The outbox table, enqueueing inside callers' transactions, the handler registry and the worker. */
@Global()
@Module({
  providers: [OutboxRepository, OutboxService, OutboxHandlers, OutboxWorker],
  exports: [OutboxRepository, OutboxService, OutboxHandlers, OutboxWorker],
})
export class OutboxModule {}
