import type { ErrorBody, HealthStatus } from '@ssp/contracts';
import { ProbeModule } from '../helpers/probe.module';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

describe('platform: health, errors, OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '4096' }, [ProbeModule]);
  });
  afterAll(() => t.close());

  it('reports live and ready once the database is migrated', async () => {
    const live = await request<HealthStatus>(t.baseUrl, 'GET', '/health/live');
    expect(live.status).toBe(200);
    const ready = await request<HealthStatus>(t.baseUrl, 'GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { database: { ok: true }, migrations: { ok: true } } });
  });

  it('gives every response a request id, keeping a sane one the caller sent', async () => {
    const fresh = await request(t.baseUrl, 'GET', '/health/live');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request(t.baseUrl, 'GET', '/health/live', { headers: { 'x-request-id': 'gateway-12345678' } });
    expect(kept.headers.get('x-request-id')).toBe('gateway-12345678');
    const hostile = await request(t.baseUrl, 'GET', '/health/live', { headers: { 'x-request-id': 'a b<script>' } });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with the contract error body', async () => {
    const response = await request<ErrorBody>(t.baseUrl, 'GET', '/api/v1/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
    expect(typeof response.body.error.message).toBe('string');
  });

  it('rejects malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await request<ErrorBody>(t.baseUrl, 'POST', '/api/v1/test-probe/echo', {
      body: '{"name": "a", score: }',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('MALFORMED_JSON');
  });

  it('rejects a body over the limit with 413 before reading it all', async () => {
    const response = await request<ErrorBody>(t.baseUrl, 'POST', '/api/v1/test-probe/echo', {
      json: { name: 'x'.repeat(10_000), score: 1 },
    });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('rejects an unsupported content type with 415', async () => {
    const response = await request<ErrorBody>(t.baseUrl, 'POST', '/api/v1/test-probe/echo', {
      body: '<xml/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('lists field problems of a body that fails validation, and refuses unknown fields', async () => {
    const response = await request<ErrorBody>(t.baseUrl, 'POST', '/api/v1/test-probe/echo', {
      json: { name: 42, score: 9, isAdmin: true },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const problems = (response.body.error.details?.problems ?? []) as string[];
    expect(problems.join(' ')).toMatch(/name/);
    expect(problems.join(' ')).toMatch(/score/);
    expect(problems.join(' ')).toMatch(/isAdmin/);
  });

  it('passes a valid body through', async () => {
    const response = await request(t.baseUrl, 'POST', '/api/v1/test-probe/echo', { json: { name: '井盖', score: 5 } });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ name: '井盖', score: 5 });
  });

  it('maps a domain error code to its status with its message and details', async () => {
    const response = await request<ErrorBody>(t.baseUrl, 'GET', '/api/v1/test-probe/domain-error');
    expect(response.status).toBe(409);
    expect(response.body).toEqual({ error: { code: 'CONFLICT', message: '工单已被他人更新', details: { version: 3 } } });
  });

  it('hides the cause of an unexpected error', async () => {
    const response = await request<ErrorBody>(t.baseUrl, 'GET', '/api/v1/test-probe/crash');
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe('INTERNAL');
    expect(response.text).not.toContain('secret internal detail');
    expect(response.text).not.toContain('x.ts');
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await request<{ openapi: string; paths: Record<string, unknown> }>(t.baseUrl, 'GET', '/api/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/categories', '/health/live', '/health/ready']),
    );
    const ui = await request(t.baseUrl, 'GET', '/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });
});
