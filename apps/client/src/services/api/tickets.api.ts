import type { DepartmentOption, TicketActionRequest, TicketDetail, TicketFilters, TicketPage } from '@ssp/contracts';
import { compactQuery, idPath } from './query';
import { apiRequest } from './request';

/** Staff see their department's tickets, admins all of them. */
export function fetchTickets(filters: TicketFilters): Promise<TicketPage> {
  return apiRequest<TicketPage>({ path: '/api/v1/tickets', data: compactQuery({ ...filters }) });
}

export function fetchTicket(id: string): Promise<TicketDetail> {
  return apiRequest<TicketDetail>({ path: idPath('/api/v1/tickets', id) });
}

/** 409 when `version` is stale or the transition is no longer allowed; 422 for a broken business rule. */
export function actOnTicket(id: string, body: TicketActionRequest): Promise<TicketDetail> {
  return apiRequest<TicketDetail>({ method: 'POST', path: idPath('/api/v1/tickets', id, '/actions'), data: body });
}

export function fetchDepartments(): Promise<DepartmentOption[]> {
  return apiRequest<DepartmentOption[]>({ path: '/api/v1/departments' });
}
