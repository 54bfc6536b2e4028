import { wholeMinutesBetween } from '@ssp/contracts';
import type { Ticket } from './entities/ticket.entity';

type Times = Pick<Ticket, 'createdAt' | 'dispatchedAt' | 'acceptBy' | 'resolveBy'>;

/** What a sign-for (签收) records on the ticket for the statistics: when, how long after dispatch, on time. */
export function signForFigures(ticket: Times, now: Date): Pick<Ticket, 'acceptedAt' | 'acceptMinutes' | 'acceptedOnTime'> {
  return {
    acceptedAt: now,
    acceptMinutes: wholeMinutesBetween(ticket.dispatchedAt ?? ticket.createdAt, now),
    acceptedOnTime: ticket.acceptBy === null || now.getTime() <= ticket.acceptBy.getTime(),
  };
}

/** What 办结 records on the ticket for the statistics: how long since creation, on time. */
export function resolutionFigures(ticket: Times, now: Date): Pick<Ticket, 'resolveMinutes' | 'resolvedOnTime'> {
  return {
    resolveMinutes: wholeMinutesBetween(ticket.createdAt, now),
    resolvedOnTime: ticket.resolveBy === null || now.getTime() <= ticket.resolveBy.getTime(),
  };
}
