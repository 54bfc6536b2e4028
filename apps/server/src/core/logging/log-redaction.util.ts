/** What a log line shows instead of a value it must not keep. */
export const REDACTED = '[redacted]';

/**
 * Query parameters whose values are enumerations, dates, numbers of a page or ids of reference data:
 * never a credential (a file link's `sig`, an `api_key`) nor what a resident wrote or where they stood
 * (`text`, `q`, `lat`, `lng`). A parameter not listed here is redacted, so a new one is safe by default.
 */
const PLAIN_QUERY_KEYS = new Set([
  'cursor',
  'limit',
  'from',
  'to',
  'groupBy',
  'status',
  'outcome',
  'overdue',
  'pendingExtension',
  'categoryCode',
  'regionCode',
  'coordSystem',
  'radius',
  'role',
  'year',
  'topic',
  'expires',
  'service_code',
  'start_date',
  'end_date',
  'jurisdiction_id',
]);

/** A request URL as logs keep it: the path, and the value of each query parameter unless it is known to be plain. */
export function loggableUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const kept = [...new URLSearchParams(url.slice(mark + 1))].map(
    ([key, value]) => `${encodeURIComponent(key)}=${PLAIN_QUERY_KEYS.has(key) ? encodeURIComponent(value) : REDACTED}`,
  );
  return `${url.slice(0, mark)}?${kept.join('&')}`;
}

/** The request as pino-http serialised it, without the query it parsed (the URL says it, redacted). */
export function loggableRequest<T extends { url?: string }>(request: T): Omit<T, 'query'> {
  const { query: _query, ...kept } = request as T & { query?: unknown };
  return { ...kept, ...(kept.url === undefined ? {} : { url: loggableUrl(kept.url) }) };
}

/** Fields of a driver's error that carry the statement's values (TypeORM's QueryFailedError copies them). */
const VALUE_FIELDS = ['parameters', 'driverError', 'sql'];

/**
 * An error as pino serialised it, without the values a failed statement was given: a unique violation's
 * message names the duplicate ("Duplicate entry 'o3xk…' for key …"), which may be an openid or a phone.
 */
export function loggableError<T extends Record<string, unknown>>(error: T): T {
  const kept: Record<string, unknown> = { ...error };
  for (const field of VALUE_FIELDS) delete kept[field];
  for (const field of ['message', 'sqlMessage', 'stack']) {
    const text = kept[field];
    if (typeof text === 'string') kept[field] = text.replace(/Duplicate entry '.*?' for key/g, `Duplicate entry '${REDACTED}' for key`);
  }
  return kept as T;
}
