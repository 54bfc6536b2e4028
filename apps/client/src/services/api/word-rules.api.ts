import type { Page, WordRuleInput, WordRuleLevel, WordRuleView } from '@ssp/contracts';
import { compactQuery, idPath } from './query';
import { apiRequest } from './request';

export interface WordRuleFilters {
  level?: WordRuleLevel;
  /** Part of the pattern. */
  q?: string;
  cursor?: string | null;
}

export function fetchWordRules(filters: WordRuleFilters): Promise<Page<WordRuleView>> {
  return apiRequest<Page<WordRuleView>>({ path: '/api/v1/admin/word-rules', data: compactQuery({ ...filters }) });
}

/** 409 when the pattern is already on the list. */
export function createWordRule(body: WordRuleInput): Promise<WordRuleView> {
  return apiRequest<WordRuleView>({ method: 'POST', path: '/api/v1/admin/word-rules', data: body });
}

export function updateWordRule(id: string, change: Partial<WordRuleInput>): Promise<WordRuleView> {
  return apiRequest<WordRuleView>({ method: 'PATCH', path: idPath('/api/v1/admin/word-rules', id), data: change });
}

export function deleteWordRule(id: string): Promise<void> {
  return apiRequest<void>({ method: 'DELETE', path: idPath('/api/v1/admin/word-rules', id) });
}
