import type { ClassificationRuleInput, ClassificationRuleView } from '@ssp/contracts';
import { idPath } from './query';
import { apiRequest } from './request';

/** Admins' keyword → 小类 rules; they override the classifier. A short list, served whole. */
export function fetchClassificationRules(): Promise<ClassificationRuleView[]> {
  return apiRequest<ClassificationRuleView[]>({ path: '/api/v1/admin/classification-rules' });
}

export function createClassificationRule(body: ClassificationRuleInput): Promise<ClassificationRuleView> {
  return apiRequest<ClassificationRuleView>({ method: 'POST', path: '/api/v1/admin/classification-rules', data: body });
}

export function updateClassificationRule(id: string, change: Partial<ClassificationRuleInput>): Promise<ClassificationRuleView> {
  return apiRequest<ClassificationRuleView>({
    method: 'PATCH',
    path: idPath('/api/v1/admin/classification-rules', id),
    data: change,
  });
}

export function deleteClassificationRule(id: string): Promise<void> {
  return apiRequest<void>({ method: 'DELETE', path: idPath('/api/v1/admin/classification-rules', id) });
}
