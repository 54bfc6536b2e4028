/** Page paths in one place, so a moved page breaks the build instead of a tap. */
export const CATEGORY_DETAIL_PAGE = '/packages/report/pages/category/index';

export function categoryDetailUrl(code: string): string {
  return `${CATEGORY_DETAIL_PAGE}?code=${encodeURIComponent(code)}`;
}
