import type { CategoryNode, CategorySuggestion } from '@ssp/contracts';
import { ApiError, BAD_RESPONSE_MESSAGE, ClientErrorCode } from './api-error';
import { compactQuery } from './query';
import { apiRequest } from './request';

/** The public two-level category tree (大类 → 小类). */
export async function fetchCategories(): Promise<CategoryNode[]> {
  const tree = await apiRequest<CategoryNode[]>({ path: '/api/v1/categories' });
  if (!Array.isArray(tree)) throw new ApiError(200, ClientErrorCode.BAD_RESPONSE, BAD_RESPONSE_MESSAGE);
  return tree;
}

/** Categories the classifier reads in `text`, best first (any signed-in role; 400 for empty or > 500 chars). */
export function suggestCategories(text: string, limit = 3): Promise<CategorySuggestion[]> {
  return apiRequest<CategorySuggestion[]>({ path: '/api/v1/categories/suggest', data: compactQuery({ text, limit }) });
}
