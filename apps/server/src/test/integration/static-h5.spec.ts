import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ErrorBody } from '@ssp/contracts';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

describe('the built H5 app at /', () => {
  const h5Dir = mkdtempSync(path.join(tmpdir(), 'ssp-h5-'));
  let t: TestApp;
  beforeAll(async () => {
    writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><title>随手拍</title><div id="app"></div>');
    mkdirSync(path.join(h5Dir, 'js'));
    writeFileSync(path.join(h5Dir, 'js/app.3f9a.js'), 'console.log(1)');
    t = await startTestApp({ H5_DIR: h5Dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(h5Dir, { recursive: true, force: true });
  });

  it('serves index.html at / and never lets it be cached', async () => {
    const response = await request(t.baseUrl, 'GET', '/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.text).toContain('<title>随手拍</title>');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const response = await request(t.baseUrl, 'GET', '/js/app.3f9a.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('keeps the API and a missing file apart from the app', async () => {
    expect((await request(t.baseUrl, 'GET', '/api/v1/categories')).status).toBe(200);
    const missing = await request<ErrorBody>(t.baseUrl, 'GET', '/js/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const escape = await request(t.baseUrl, 'GET', '/..%2f..%2fetc%2fpasswd');
    expect(escape.status).toBe(404);
    expect(escape.text).not.toContain('root:');
  });
});
