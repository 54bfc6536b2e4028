import type { CategoryNode } from '@ssp/contracts';
import { ApiError, BAD_RESPONSE_MESSAGE, ClientErrorCode } from './api-error';
import { apiRequest } from './request';

/** The public two-level category tree (大类 → 小类). */
export async function fetchCategories(): Promise<CategoryNode[]> {
  const tree = await apiRequest<CategoryNode[]>({ path: '/api/v1/categories' });
  if (!Array.isArray(tree)) throw new ApiError(200, ClientErrorCode.BAD_RESPONSE, BAD_RESPONSE_MESSAGE);
  return tree;
}
