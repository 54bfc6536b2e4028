/** Page paths in one place, so a moved page breaks the build instead of a tap. */
export const HOME_PAGE = '/pages/index/index';
export const MY_REPORTS_PAGE = '/pages/mine/index';
export const ME_PAGE = '/pages/me/index';
export const CATEGORY_DETAIL_PAGE = '/packages/report/pages/category/index';
export const NEW_REPORT_PAGE = '/packages/report/pages/new/index';
export const REPORT_RESULT_PAGE = '/packages/report/pages/result/index';
export const REPORT_DETAIL_PAGE = '/packages/report/pages/detail/index';
export const NEARBY_PAGE = '/packages/report/pages/nearby/index';
export const STAFF_LOGIN_PAGE = '/packages/staff/pages/login/index';
export const STAFF_INBOX_PAGE = '/packages/staff/pages/inbox/index';
export const TICKET_PAGE = '/packages/staff/pages/ticket/index';
export const TRIAGE_PAGE = '/packages/admin/pages/triage/index';
export const MODERATION_PAGE = '/packages/admin/pages/moderation/index';
export const WORD_RULES_PAGE = '/packages/admin/pages/word-rules/index';
export const CLASSIFICATION_RULES_PAGE = '/packages/admin/pages/classification-rules/index';
export const ROUTING_RULES_PAGE = '/packages/admin/pages/routing-rules/index';
export const ROUTING_REVISIONS_PAGE = '/packages/admin/pages/routing-revisions/index';
export const DASHBOARD_PAGE = '/packages/admin/pages/dashboard/index';

function withId(page: string, id: string): string {
  return `${page}?id=${encodeURIComponent(id)}`;
}

export function categoryDetailUrl(code: string): string {
  return `${CATEGORY_DETAIL_PAGE}?code=${encodeURIComponent(code)}`;
}

/** The report form, optionally with a category chosen on the category page. */
export function newReportUrl(categoryCode?: string): string {
  return categoryCode ? `${NEW_REPORT_PAGE}?category=${encodeURIComponent(categoryCode)}` : NEW_REPORT_PAGE;
}

export function reportResultUrl(reportId: string): string {
  return withId(REPORT_RESULT_PAGE, reportId);
}

export function reportDetailUrl(reportId: string): string {
  return withId(REPORT_DETAIL_PAGE, reportId);
}

export function ticketUrl(ticketId: string): string {
  return withId(TICKET_PAGE, ticketId);
}

/** Query values arrive encoded on some platforms and decoded on others; ids and codes never contain '%'. */
export function readParam(raw: string | undefined): string {
  if (!raw) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
