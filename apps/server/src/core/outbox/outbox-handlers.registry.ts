import { Injectable } from '@nestjs/common';
import type { OutboxHandler } from './outbox-handler';

/** Topic → handler. The platform delivers; the modules that enqueue decide what delivering means. */
@Injectable()
export class OutboxHandlers {
  private readonly byTopic = new Map<string, OutboxHandler>();

  register(handler: OutboxHandler): void {
    for (const topic of handler.topics) {
      if (this.byTopic.has(topic)) throw new Error(`outbox topic ${topic} has two handlers`);
      this.byTopic.set(topic, handler);
    }
  }

  handlerFor(topic: string): OutboxHandler | undefined {
    return this.byTopic.get(topic);
  }
}
