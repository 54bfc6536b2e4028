import { Injectable } from '@nestjs/common';
import { deadlinesFrom } from './sla-deadline.util';
import { TicketsRepository } from './tickets.repository';

/** The policy used when a ticket has no category (or its category none): 一般. */
const FALLBACK_SLA = 'NORMAL';

@Injectable()
export class TicketDeadlinesService {
  constructor(private readonly tickets: TicketsRepository) {}

  /** Deadlines of a ticket dispatched now to a department, from its category's SLA policy. */
  async deadlinesFor(categoryId: string | null, now: Date): Promise<{ acceptBy: Date; resolveBy: Date }> {
    const policy = await this.tickets.slaTermsFor(categoryId, FALLBACK_SLA);
    if (!policy) throw new Error(`SLA policy ${FALLBACK_SLA} is missing: run the seed`);
    return deadlinesFrom(now, policy);
  }
}
