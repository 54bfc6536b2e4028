import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxMessage, type OutboxPayload } from './entities/outbox-message.entity';
import { OutboxRepository } from './outbox.repository';

/** A message to send once the caller's transaction commits. */
export interface OutboxDraft {
  topic: string;
  payload: OutboxPayload;
}

/** The only way into the outbox: rows written with the state change they report, or not at all. */
@Injectable()
export class OutboxService {
  constructor(private readonly repository: OutboxRepository) {}

  /** Writes `drafts` inside the caller's transaction; returns the message ids. */
  async enqueue(manager: EntityManager, drafts: readonly OutboxDraft[], now = new Date()): Promise<string[]> {
    if (drafts.length === 0) return [];
    const messages = drafts.map((draft) =>
      Object.assign(new OutboxMessage(), {
        topic: draft.topic,
        payload: draft.payload,
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        lockedBy: null,
        lockedUntil: null,
        createdAt: now,
        doneAt: null,
      }),
    );
    await this.repository.insert(manager, messages);
    return messages.map((message) => message.id);
  }
}
