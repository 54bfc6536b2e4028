import type { CreatedApiKey, ErrorBody } from '@ssp/contracts';
import { gcj02ToWgs84 } from '@ssp/geo';
import { loginAs, type LoggedIn } from './auth';
import { MANHOLE, nextSpot } from './reporting';
import { request, startTestApp, type HttpResult, type TestApp } from './test-app';
import { asXmlText, parseXml, sparkOf, type Spark } from './xml';

/**
 * The GeoReport v2 field lists (http://wiki.open311.org/GeoReport_v2 and /Service_Discovery), written
 * down once from the specification. `?` marks a field the specification lets be empty ("May not be
 * returned"), which we send as null / an empty element.
 */
export type FieldType = 'string' | 'number' | 'boolean' | 'w3c' | 'array' | 'object' | `enum:${string}`;
export type FieldList = Record<string, FieldType | `${FieldType}?`>;

export const SPEC = {
  discovery: { changeset: 'string', contact: 'string', key_service: 'string', endpoints: 'array' },
  endpoint: { specification: 'string', url: 'string', changeset: 'string', type: 'enum:production|test', formats: 'array' },
  service: {
    service_code: 'string',
    service_name: 'string',
    description: 'string',
    metadata: 'boolean',
    type: 'enum:realtime|batch|blackbox',
    keywords: 'string',
    group: 'string',
  },
  serviceDefinition: { service_code: 'string', attributes: 'array' },
  attribute: {
    variable: 'boolean',
    code: 'string',
    datatype: 'enum:string|number|datetime|text|singlevaluelist|multivaluelist',
    required: 'boolean',
    datatype_description: 'string?',
    order: 'number',
    description: 'string',
  },
  attributeValue: { key: 'string', name: 'string' },
  createdWithId: { service_request_id: 'string', service_notice: 'string?', account_id: 'string?' },
  createdWithToken: { token: 'string', service_notice: 'string?', account_id: 'string?' },
  token: { service_request_id: 'string?', token: 'string' },
  request: {
    service_request_id: 'string',
    status: 'enum:open|closed',
    status_notes: 'string?',
    service_name: 'string?',
    service_code: 'string?',
    description: 'string',
    agency_responsible: 'string?',
    service_notice: 'string?',
    requested_datetime: 'w3c',
    updated_datetime: 'w3c',
    expected_datetime: 'w3c?',
    address: 'string?',
    address_id: 'string?',
    zipcode: 'string?',
    lat: 'number',
    long: 'number',
    media_url: 'string?',
  },
  error: { code: 'number', description: 'string' },
} as const satisfies Record<string, FieldList>;

/** W3C date-time with a zone (Z or ±hh:mm), as the specification requires. */
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function typeProblem(value: unknown, type: FieldType): string | null {
  if (type.startsWith('enum:')) return typeof value === 'string' && type.slice(5).split('|').includes(value) ? null : `not one of ${type.slice(5)}`;
  switch (type) {
    case 'w3c':
      return typeof value === 'string' && W3C.test(value) && !Number.isNaN(Date.parse(value)) ? null : 'not a W3C date-time with zone';
    case 'array':
      return Array.isArray(value) ? null : 'not an array';
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? null : 'not an object';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'not a number';
    default:
      return typeof value === type ? null : `not a ${type}`;
  }
}

/** Problems of one JSON entry against a field list: missing, foreign and mistyped fields. */
export function fieldProblems(entry: unknown, fields: FieldList, extra: string[] = []): string[] {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return ['not an object'];
  const record = entry as Record<string, unknown>;
  const problems: string[] = [];
  for (const [field, spec] of Object.entries(fields)) {
    const optional = spec.endsWith('?');
    const type = (optional ? spec.slice(0, -1) : spec) as FieldType;
    if (!(field in record)) problems.push(`${field}: missing`);
    else if (record[field] === null) {
      if (!optional) problems.push(`${field}: null but required`);
    } else {
      const problem = typeProblem(record[field], type);
      if (problem) problems.push(`${field}: ${problem} (${JSON.stringify(record[field])})`);
    }
  }
  for (const field of Object.keys(record)) if (!(field in fields) && !extra.includes(field)) problems.push(`${field}: not in the specification`);
  return problems;
}

export function get(baseUrl: string, path: string): Promise<HttpResult<unknown>> {
  return request(baseUrl, 'GET', `/open311/v2/${path}`);
}

export function postForm(baseUrl: string, path: string, fields: Array<[string, string]> | string, headers: Record<string, string> = {}): Promise<HttpResult<unknown>> {
  const body = typeof fields === 'string' ? fields : new URLSearchParams(fields).toString();
  return request(baseUrl, 'POST', `/open311/v2/${path}`, { body, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers } });
}

/** The XML answer as its Spark JSON shape (leaves as text), after checking headers and well-formedness. */
export function xmlOf(result: HttpResult<unknown>, root: string): Spark {
  if (!result.headers.get('content-type')?.startsWith('text/xml; charset=utf-8')) {
    throw new Error(`content-type ${result.headers.get('content-type')} is not text/xml; charset=utf-8`);
  }
  const { root: element } = parseXml(result.text);
  if (element.name !== root) throw new Error(`root element <${element.name}>, expected <${root}>`);
  return sparkOf(element);
}

export { asXmlText };

export type Entry = Record<string, unknown>;

/** A WGS-84 point (what Open311 clients send) at the next free spot in 秦淮区. */
export function nextWgsSpot(): { lat: string; long: string } {
  const spot = gcj02ToWgs84(nextSpot());
  return { lat: spot.lat.toFixed(6), long: spot.lng.toFixed(6) };
}

/** A valid 井盖 request; `overrides` replace fields (an empty value removes one). */
export function manholeForm(apiKey: string, overrides: Record<string, string> = {}): Array<[string, string]> {
  const fields: Record<string, string> = {
    api_key: apiKey,
    service_code: MANHOLE.code,
    ...nextWgsSpot(),
    description: '中山南路公交站旁的井盖不见了，晚上很危险',
    'attribute[condition]': 'missing',
    ...overrides,
  };
  return Object.entries(fields).filter(([, value]) => value !== '');
}

/** POSTs in both formats and checks the specification's error list: status, codes, a description containing `contains`. */
export async function expectSpecError(baseUrl: string, path: string, fields: Array<[string, string]> | string, status: number, contains: string): Promise<void> {
  for (const format of ['json', 'xml'] as const) {
    const response = await postForm(baseUrl, `${path}.${format}`, fields);
    expect(`${format} ${response.status}`).toBe(`${format} ${status}`);
    const errors = format === 'json' ? response.body : xmlOf(response, 'errors');
    expect(Array.isArray(errors)).toBe(true);
    const list = errors as Entry[];
    expect(list.length).toBeGreaterThan(0);
    if (format === 'json') for (const error of list) expect(fieldProblems(error, SPEC.error)).toEqual([]);
    expect(list.map((error) => error.code)).toEqual(list.map(() => (format === 'json' ? status : String(status))));
    expect(list.map((error) => String(error.description)).join(' ')).toContain(contains);
  }
}

export interface Open311App {
  t: TestApp;
  admin: LoggedIn;
  /** Staff of the department 井盖 reports go to. */
  szyh: LoggedIn;
  /** An unrestricted key. */
  key: CreatedApiKey;
  createKey(body: Record<string, unknown>): Promise<HttpResult<CreatedApiKey & ErrorBody>>;
}

/** A test app with an admin, the 井盖 department's staff and an API key issued through the admin API. */
export async function startOpen311App(env: Record<string, string> = {}): Promise<Open311App> {
  const t = await startTestApp(env);
  const admin = await loginAs(t.baseUrl, 'admin');
  const szyh = await loginAs(t.baseUrl, 'staff', { username: MANHOLE.staffUsername });
  const createKey = (body: Record<string, unknown>) =>
    request<CreatedApiKey & ErrorBody>(t.baseUrl, 'POST', '/api/v1/admin/api-keys', { headers: admin.headers, json: body });
  const created = await createKey({ name: '12345 热线平台' });
  if (created.status !== 201) throw new Error(`issuing a key failed: ${created.status} ${created.text}`);
  return { t, admin, szyh, key: created.body, createKey };
}
