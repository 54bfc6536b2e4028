/**
 * The expected answer of every route to each kind of caller (issue 7). One row per route the
 * application registers, keyed by method and path as `routeTable` lists them; `expect` holds the
 * status codes in the order of PRINCIPALS.
 *
 * What the request is: with no `probe`, path parameters name nothing (an unknown id, code or number)
 * and POST / PUT / PATCH send `{}`, so a caller who gets past the guard meets validation (400) or
 * "not found" (404) and changes nothing. Object-level rows (a resident's own report, a department's
 * ticket) probe the real objects of the fixtures with a body that passes validation, so "someone
 * else's" shows as 404 (Access: what a caller may not see is not found) while the owner reaches the
 * business rule (409 / 422) without changing anything.
 */

export const PRINCIPALS = [
  'anonymous',
  'residentA',
  'residentB',
  'staffOwn',
  'staffOther',
  'admin',
  'expired',
  'tampered',
  'algNone',
] as const;
export type Principal = (typeof PRINCIPALS)[number];

/** What the matrix suite made before probing: resident A's report and the ticket it opened for staffOwn's department. */
export interface MatrixFixtures {
  reportId: string;
  ticketId: string;
  residentAId: string;
}

export interface MatrixRow {
  /** In the order of PRINCIPALS, separated by one space. */
  expect: string;
  probe?: {
    path?: (fixtures: MatrixFixtures) => string;
    /** The body, instead of `{}`. */
    json?: (fixtures: MatrixFixtures) => unknown;
  };
}

const own = {
  report: { path: (f: MatrixFixtures) => `/api/v1/reports/${f.reportId}` },
  rating: { path: (f: MatrixFixtures) => `/api/v1/reports/${f.reportId}/rating`, json: () => ({ score: 5 }) },
  ticket: { path: (f: MatrixFixtures) => `/api/v1/tickets/${f.ticketId}` },
  // Resolving a ticket nobody has signed for is refused by the lifecycle, after access was granted.
  action: { path: (f: MatrixFixtures) => `/api/v1/tickets/${f.ticketId}/actions`, json: () => ({ action: 'resolve', version: 1, note: '已处理' }) },
  user: { path: (f: MatrixFixtures) => `/api/v1/admin/users/${f.residentAId}` },
};

export const AUTHORIZATION_MATRIX: Record<string, MatrixRow> = {
  // Public routes ignore the Authorization header: every caller, bad tokens included, gets the same answer.
  'GET /health/live': { expect: '200 200 200 200 200 200 200 200 200' },
  'GET /health/ready': { expect: '200 200 200 200 200 200 200 200 200' },
  'POST /api/v1/auth/wechat': { expect: '400 400 400 400 400 400 400 400 400' },
  // Embedded mode's dev login (AUTH_DEV_LOGIN, on in tests): {} logs a new resident in.
  'POST /api/v1/auth/dev': { expect: '200 200 200 200 200 200 200 200 200' },
  'POST /api/v1/auth/login': { expect: '400 400 400 400 400 400 400 400 400' },
  'GET /api/v1/me': { expect: '401 200 200 200 200 200 401 401 401' },
  'GET /api/v1/categories': { expect: '200 200 200 200 200 200 200 200 200' },
  'GET /api/v1/admin/categories': { expect: '401 403 403 403 403 200 401 401 401' },
  'POST /api/v1/admin/categories': { expect: '401 403 403 403 403 400 401 401 401' },
  'PATCH /api/v1/admin/categories/:code': { expect: '401 403 403 403 403 404 401 401 401' },
  'GET /api/v1/categories/suggest': { expect: '401 200 200 200 200 200 401 401 401', probe: { path: () => `/api/v1/categories/suggest?text=${encodeURIComponent('井盖坏了')}` } },
  'GET /api/v1/admin/classification-rules': { expect: '401 403 403 403 403 200 401 401 401' },
  'POST /api/v1/admin/classification-rules': { expect: '401 403 403 403 403 400 401 401 401' },
  'PATCH /api/v1/admin/classification-rules/:id': { expect: '401 403 403 403 403 404 401 401 401' },
  'DELETE /api/v1/admin/classification-rules/:id': { expect: '401 403 403 403 403 404 401 401 401' },
  'GET /api/v1/departments': { expect: '401 403 403 200 200 200 401 401 401' },
  'GET /api/v1/admin/departments': { expect: '401 403 403 403 403 200 401 401 401' },
  'POST /api/v1/admin/departments': { expect: '401 403 403 403 403 400 401 401 401' },
  'GET /api/v1/admin/departments/:code': { expect: '401 403 403 403 403 404 401 401 401' },
  'PATCH /api/v1/admin/departments/:code': { expect: '401 403 403 403 403 404 401 401 401' },
  'DELETE /api/v1/admin/departments/:code': { expect: '401 403 403 403 403 404 401 401 401' },
  'GET /api/v1/admin/word-rules': { expect: '401 403 403 403 403 200 401 401 401' },
  'POST /api/v1/admin/word-rules': { expect: '401 403 403 403 403 400 401 401 401' },
  'PATCH /api/v1/admin/word-rules/:id': { expect: '401 403 403 403 403 404 401 401 401' },
  'DELETE /api/v1/admin/word-rules/:id': { expect: '401 403 403 403 403 404 401 401 401' },
  'GET /api/v1/admin/outbox': { expect: '401 403 403 403 403 200 401 401 401' },
  'POST /api/v1/admin/outbox/:id/retry': { expect: '401 403 403 403 403 404 401 401 401' },
  'GET /open311/v2/discovery.:format': { expect: '200 200 200 200 200 200 200 200 200' },
  'GET /open311/v2/services.:format': { expect: '200 200 200 200 200 200 200 200 200' },
  'GET /open311/v2/services/:file': { expect: '404 404 404 404 404 404 404 404 404' },
  // Open311 is public by its spec; writes are authorised by the api_key in the form (open311.spec), not a token.
  'POST /open311/v2/requests.:format': { expect: '415 415 415 415 415 415 415 415 415' },
  'GET /open311/v2/requests.:format': { expect: '200 200 200 200 200 200 200 200 200' },
  'GET /open311/v2/requests/:file': { expect: '404 404 404 404 404 404 404 404 404' },
  'GET /open311/v2/tokens/:file': { expect: '404 404 404 404 404 404 404 404 404' },
  'GET /api/v1/admin/api-keys': { expect: '401 403 403 403 403 200 401 401 401' },
  'GET /api/v1/admin/api-keys/:id': { expect: '401 403 403 403 403 404 401 401 401' },
  'POST /api/v1/admin/api-keys': { expect: '401 403 403 403 403 400 401 401 401' },
  'PATCH /api/v1/admin/api-keys/:id': { expect: '401 403 403 403 403 404 401 401 401' },
  'DELETE /api/v1/admin/api-keys/:id': { expect: '401 403 403 403 403 404 401 401 401' },
  'GET /api/v1/admin/service-definitions/:code': { expect: '401 403 403 403 403 404 401 401 401' },
  'PUT /api/v1/admin/service-definitions/:code': { expect: '401 403 403 403 403 400 401 401 401' },
  // A JSON body instead of a multipart upload: past the guard, refused as the wrong media type.
  'POST /api/v1/photos': { expect: '401 415 415 415 415 415 401 401 401' },
  'GET /api/v1/regions/locate': { expect: '400 400 400 400 400 400 400 400 400' },
  'GET /api/v1/regions/outlines': { expect: '200 200 200 200 200 200 200 200 200' },
  'GET /api/v1/admin/regions': { expect: '401 403 403 403 403 200 401 401 401' },
  'POST /api/v1/admin/regions/import': { expect: '401 403 403 403 403 400 401 401 401' },
  'POST /api/v1/reports': { expect: '401 400 400 403 403 403 401 401 401' },
  'GET /api/v1/reports/mine': { expect: '401 200 200 403 403 403 401 401 401' },
  'GET /api/v1/reports/:id': { expect: '401 200 404 403 403 403 401 401 401', probe: own.report },
  // The owner meets the rule "rate after resolution" (422); anyone else does not learn the report exists.
  'POST /api/v1/reports/:id/rating': { expect: '401 422 404 403 403 403 401 401 401', probe: own.rating },
  'GET /api/v1/admin/reports': { expect: '401 403 403 403 403 200 401 401 401' },
  'POST /api/v1/admin/reports/:id/decision': { expect: '401 403 403 403 403 400 401 401 401' },
  'GET /api/v1/admin/default-routes': { expect: '401 403 403 403 403 200 401 401 401' },
  'PUT /api/v1/admin/default-routes/:categoryCode': { expect: '401 403 403 403 403 400 401 401 401' },
  'DELETE /api/v1/admin/default-routes/:categoryCode': { expect: '401 403 403 403 403 404 401 401 401' },
  'GET /api/v1/admin/routing-rules': { expect: '401 403 403 403 403 200 401 401 401' },
  'PUT /api/v1/admin/routing-rules': { expect: '401 403 403 403 403 400 401 401 401' },
  'POST /api/v1/admin/routing-rules/publish': { expect: '401 403 403 403 403 400 401 401 401' },
  'POST /api/v1/admin/routing-rules/simulate': { expect: '401 403 403 403 403 400 401 401 401' },
  'GET /api/v1/admin/routing-rules/revisions': { expect: '401 403 403 403 403 200 401 401 401' },
  'GET /api/v1/admin/routing-rules/revisions/:n': { expect: '401 403 403 403 403 404 401 401 401' },
  'POST /api/v1/admin/routing-rules/revisions/:n/rollback': { expect: '401 403 403 403 403 400 401 401 401' },
  'GET /api/v1/admin/audit': { expect: '401 403 403 403 403 200 401 401 401' },
  'GET /api/v1/admin/users': { expect: '401 403 403 403 403 200 401 401 401' },
  'POST /api/v1/admin/users': { expect: '401 403 403 403 403 400 401 401 401' },
  'GET /api/v1/admin/users/:id': { expect: '401 403 403 403 403 200 401 401 401', probe: own.user },
  'PATCH /api/v1/admin/users/:id': { expect: '401 403 403 403 403 404 401 401 401' },
  'GET /api/v1/admin/sla-policies': { expect: '401 403 403 403 403 200 401 401 401' },
  'PATCH /api/v1/admin/sla-policies/:code': { expect: '401 403 403 403 403 404 401 401 401' },
  'GET /api/v1/admin/work-calendar': { expect: '401 403 403 403 403 400 401 401 401' },
  'PUT /api/v1/admin/work-calendar': { expect: '401 403 403 403 403 400 401 401 401' },
  'GET /api/v1/tickets/nearby': { expect: '400 400 400 400 400 400 400 400 400' },
  'GET /api/v1/tickets': { expect: '401 403 403 200 200 200 401 401 401' },
  'GET /api/v1/tickets/:id': { expect: '401 403 403 200 404 200 401 401 401', probe: own.ticket },
  // The owning department meets the lifecycle (409: sign for it first); resolving is staff work, not an admin's (403).
  'POST /api/v1/tickets/:id/actions': { expect: '401 403 403 409 404 403 401 401 401', probe: own.action },
  'GET /api/v1/admin/stats': { expect: '401 403 403 403 403 200 401 401 401' },
  'GET /api/v1/admin/exports/tickets.xlsx': { expect: '401 403 403 403 403 200 401 401 401' },
  'GET /api/v1/admin/exports/tickets.csv': { expect: '401 403 403 403 403 200 401 401 401' },
  'GET /api/v1/admin/exports/stats.xlsx': { expect: '401 403 403 403 403 200 401 401 401' },
  'GET /api/v1/admin/exports/stats.csv': { expect: '401 403 403 403 403 200 401 401 401' },
  // Stored files answer only to a signed URL (signed-files.controller), whoever asks.
  'GET /api/v1/files/*': { expect: '403 403 403 403 403 403 403 403 403' },
};
