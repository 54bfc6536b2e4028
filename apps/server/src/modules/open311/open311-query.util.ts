/**
 * Arguments of `GET /requests` as GeoReport v2 defines them, checked and resolved to what the
 * repository needs. Pure: every failure is a message for the client (GeoReport answers 400).
 */
export const OPEN311_STATUSES = ['open', 'closed'] as const;
export type Open311Status = (typeof OPEN311_STATUSES)[number];

const DAY_MS = 86_400_000;
/** "may not span more than 90 days"; also the default window. */
export const MAX_WINDOW_DAYS = 90;
/** "first 1000 requests returned": the default and the largest page (paging extension). */
export const MAX_PAGE_SIZE = 1000;
/** Requests beyond this depth are refused (an OFFSET that deep costs the database): narrow the dates instead. */
export const MAX_PAGED_REQUESTS = 100_000;
export const MAX_REQUEST_IDS = 100;
export const TICKET_NO_PATTERN = /^[A-Z]{2}\d{8,16}$/;
const SERVICE_CODE_PATTERN = /^[A-Z0-9-]{1,32}$/;

/**
 * W3C date-time (http://www.w3.org/TR/NOTE-datetime) with its zone, e.g. 2010-01-01T00:00:00Z or
 * 2010-01-01T08:00:00+08:00. A bare date is midnight in the city's zone (+08:00).
 */
const W3C_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

export function parseW3cDateTime(text: string): Date | null {
  const match = W3C_PATTERN.exec(text);
  if (!match) return null;
  const [, year, month, day, hour = '00', minute = '00', second = '00', , zone = '+08:00'] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const calendar = new Date(Date.UTC(y, mo - 1, d));
  if (calendar.getUTCMonth() !== mo - 1 || calendar.getUTCDate() !== d) return null;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const [zh, zm] = zone.slice(1).split(':').map(Number);
    if (zh > 14 || zm > 59) return null;
    offsetMinutes = sign * (zh * 60 + zm);
  }
  const fraction = match[7] ? Number(`0.${match[7]}`) * 1000 : 0;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s) + Math.floor(fraction) - offsetMinutes * 60_000);
}

/** W3C format in the city's zone (+08:00), whole seconds: 2026-12-01T18:30:00+08:00. */
export function w3cDateTime(date: Date, offsetMinutes = 480): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** As the query string arrives: a repeated argument is a list ("can be declared multiple times"). */
export type QueryValue = string | string[] | undefined;

export interface RequestsQuery {
  service_request_id?: QueryValue;
  service_code?: QueryValue;
  start_date?: QueryValue;
  end_date?: QueryValue;
  status?: QueryValue;
  page?: QueryValue;
  page_size?: QueryValue;
}

export type ResolvedRequestsQuery =
  | { kind: 'ids'; ticketNos: string[] }
  | {
      kind: 'search';
      serviceCodes: string[] | null;
      statuses: Open311Status[] | null;
      from: Date;
      to: Date;
      page: number;
      pageSize: number;
    };

export class Open311QueryError extends Error {}

/** "comma delimited; can be declared multiple times": empty entries are ignored, repeats collapse. */
function commaList(value: QueryValue): string[] | null {
  if (value === undefined) return null;
  const items = [
    ...new Set(
      (Array.isArray(value) ? value : [value])
        .flatMap((part) => part.split(','))
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
    ),
  ];
  return items.length > 0 ? items : null;
}

/** A single-valued argument; given twice it is refused rather than guessed. */
function one(value: QueryValue, name: string): string | undefined {
  if (Array.isArray(value)) throw new Open311QueryError(`${name} 只能提供一次`);
  return value;
}

function positiveInt(raw: QueryValue, name: string, fallback: number, max: number): number {
  const value = one(raw, name);
  if (value === undefined || value.trim() === '') return fallback;
  if (!/^\d{1,7}$/.test(value.trim())) throw new Open311QueryError(`${name} 必须是正整数`);
  const parsed = Number(value.trim());
  if (parsed < 1 || parsed > max) throw new Open311QueryError(`${name} 必须在 1 到 ${max} 之间`);
  return parsed;
}

function dateArg(raw: QueryValue, name: string): Date | null {
  const value = one(raw, name);
  if (value === undefined || value.trim() === '') return null;
  const parsed = parseW3cDateTime(value.trim());
  if (!parsed) throw new Open311QueryError(`${name} 不是有效的 W3C 日期时间（例如 2026-01-01T00:00:00+08:00）`);
  return parsed;
}

/**
 * `service_request_id` overrides every other argument. Otherwise the window is the most recent 90
 * days, or 90 days from start_date / up to end_date; a range over 90 days is refused.
 */
export function resolveRequestsQuery(query: RequestsQuery, now: Date): ResolvedRequestsQuery {
  const ids = commaList(query.service_request_id);
  if (ids) {
    if (ids.length > MAX_REQUEST_IDS) throw new Open311QueryError(`service_request_id 一次最多 ${MAX_REQUEST_IDS} 个`);
    const bad = ids.find((id) => !TICKET_NO_PATTERN.test(id));
    if (bad !== undefined) throw new Open311QueryError(`service_request_id “${bad.slice(0, 40)}”格式无效`);
    return { kind: 'ids', ticketNos: ids };
  }
  const serviceCodes = commaList(query.service_code);
  const badCode = serviceCodes?.find((code) => !SERVICE_CODE_PATTERN.test(code));
  if (badCode !== undefined) throw new Open311QueryError(`service_code “${badCode.slice(0, 40)}”格式无效`);
  const statusList = commaList(query.status)?.map((status) => status.toLowerCase()) ?? null;
  const badStatus = statusList?.find((status) => !(OPEN311_STATUSES as readonly string[]).includes(status));
  if (badStatus !== undefined) throw new Open311QueryError('status 只能是 open 或 closed');
  const statuses = statusList as Open311Status[] | null;

  const windowMs = MAX_WINDOW_DAYS * DAY_MS;
  const start = dateArg(query.start_date, 'start_date');
  const end = dateArg(query.end_date, 'end_date');
  let from: Date;
  let to: Date;
  if (start && end) {
    if (end.getTime() < start.getTime()) throw new Open311QueryError('end_date 不能早于 start_date');
    if (end.getTime() - start.getTime() > windowMs) throw new Open311QueryError(`start_date 与 end_date 相隔不能超过 ${MAX_WINDOW_DAYS} 天`);
    [from, to] = [start, end];
  } else if (start) {
    [from, to] = [start, new Date(start.getTime() + windowMs)];
  } else if (end) {
    [from, to] = [new Date(end.getTime() - windowMs), end];
  } else {
    [from, to] = [new Date(now.getTime() - windowMs), now];
  }
  const pageSize = positiveInt(query.page_size, 'page_size', MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const page = positiveInt(query.page, 'page', 1, MAX_PAGED_REQUESTS);
  if (page * pageSize > MAX_PAGED_REQUESTS) throw new Open311QueryError(`最多翻到第 ${MAX_PAGED_REQUESTS} 条，请缩小 start_date 与 end_date 的范围`);
  return {
    kind: 'search',
    serviceCodes,
    statuses: statuses && statuses.length < OPEN311_STATUSES.length ? statuses : null,
    from,
    to,
    page,
    pageSize,
  };
}

/** The format suffix of a GeoReport resource: `requests.xml` → xml; anything else is not ours. */
export type Open311Format = 'json' | 'xml';

export function splitFormat(file: string): { name: string; format: Open311Format } | null {
  const dot = file.lastIndexOf('.');
  if (dot <= 0) return null;
  const format = file.slice(dot + 1).toLowerCase();
  if (format !== 'json' && format !== 'xml') return null;
  return { name: file.slice(0, dot), format };
}
