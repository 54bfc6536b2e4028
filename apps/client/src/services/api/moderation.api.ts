import type { ModerationDecisionRequest, ModerationItem, Page } from '@ssp/contracts';
import { compactQuery, idPath } from './query';
import { apiRequest } from './request';

/** Reports the intake pipeline held for a person to decide (审核队列), newest first. */
export function fetchModerationQueue(cursor: string | null): Promise<Page<ModerationItem>> {
  return apiRequest<Page<ModerationItem>>({ path: '/api/v1/admin/reports', data: compactQuery({ outcome: 'review', cursor }) });
}

/** 409 when another admin decided first. */
export function decideReport(id: string, body: ModerationDecisionRequest): Promise<ModerationItem> {
  return apiRequest<ModerationItem>({ method: 'POST', path: idPath('/api/v1/admin/reports', id, '/decision'), data: body });
}
