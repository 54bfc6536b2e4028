import type { OutboxPayload } from './entities/outbox-message.entity';

/** A message as a handler sees it. */
export interface OutboxDelivery {
  id: string;
  topic: string;
  payload: OutboxPayload;
  /** 1 on the first attempt. */
  attempt: number;
  createdAt: Date;
}

/**
 * What became of one attempt. `delivered`: the receiver took it. `skipped`: there is nothing to
 * deliver to any more (no webhook configured, the resident did not subscribe) — done, with the reason
 * kept. `failed`: try again later (or dead-letter after the last attempt).
 */
export type DeliveryOutcome = { kind: 'delivered' } | { kind: 'skipped'; reason: string } | { kind: 'failed'; error: string };

/** Delivers the messages of some topics; modules register theirs with the OutboxHandlers registry. */
export interface OutboxHandler {
  readonly topics: readonly string[];
  deliver(message: OutboxDelivery): Promise<DeliveryOutcome>;
}
