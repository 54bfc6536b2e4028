import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CategorySuggestion, TicketDetail } from '@ssp/contracts';
import { DataSource } from 'typeorm';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { MANHOLE, reportBody, submitReport } from '../helpers/reporting';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

/** The built CLI as admins run it (`npm run classifier -- retrain`); the integration target builds it first. */
const RETRAIN = path.resolve(__dirname, '../../../dist/cli/classifier-retrain.js');

function runRetrain(env: Record<string, string>, corpus: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(process.execPath, [RETRAIN, '--corpus', corpus], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('classifier retrain', () => {
  let t: TestApp;
  let resident: LoggedIn;
  let corpusDir: string;
  const suggestTop = async (text: string) =>
    (await request<CategorySuggestion[]>(t.baseUrl, 'GET', `/api/v1/categories/suggest?text=${encodeURIComponent(text)}`, { headers: resident.headers }))
      .body[0]?.code;

  beforeAll(async () => {
    t = await startTestApp({ CLASSIFIER_REFRESH_SECONDS: '1' });
    resident = await loginAs(t.baseUrl, 'resident', { openid: 'retrain-resident' });
    corpusDir = mkdtempSync(path.join(tmpdir(), 'ssp-corpus-'));
  });
  afterAll(async () => {
    rmSync(corpusDir, { recursive: true, force: true });
    await t.close();
  });

  it('learns from the corpus plus staff corrections, and the running server switches to the new model by itself', async () => {
    // A corpus in which a made-up phrase means 暴露垃圾: the shipped model has never seen it.
    const lines = [
      ...Array.from({ length: 30 }, (_, i) => `SR-01\t紫色独角兽第${i}只又出现了`),
      ...Array.from({ length: 30 }, (_, i) => `GY-01\t第${i}盏路灯晚上不亮`),
      ...Array.from({ length: 30 }, (_, i) => `GY-02\t井盖第${i}号没了，下面很深`),
      'NOT-A-CODE\t不存在的类型会被略过',
    ];
    writeFileSync(path.join(corpusDir, 'tiny.tsv'), `${lines.join('\n')}\n`);
    const phrase = '紫色独角兽又出现了';
    expect(await suggestTop(phrase)).not.toBe('SR-01');

    // One correction by staff: a report the resident filed as 井盖 is really about a streetlight.
    const report = await submitReport(t.baseUrl, resident, reportBody({ description: '井盖边上的灯不亮', categoryCode: MANHOLE.code }));
    const staff = await loginAs(t.baseUrl, 'staff', { username: MANHOLE.staffUsername });
    const ticketId = report.body.ticket?.id ?? '';
    const before = await request<TicketDetail>(t.baseUrl, 'GET', `/api/v1/tickets/${ticketId}`, { headers: staff.headers });
    const corrected = await request(t.baseUrl, 'POST', `/api/v1/tickets/${ticketId}/actions`, {
      headers: staff.headers,
      json: { action: 'reclassify', version: before.body.version, categoryCode: 'GY-01' },
    });
    expect(corrected.status).toBe(200);

    const run = await runRetrain(t.database.env, corpusDir);
    expect([run.code, run.output]).toEqual([0, expect.stringMatching(/classifier v1: 91 examples \(1 corrections\); held-out \d+: accuracy/)]);
    const versions = await t.app.get(DataSource).query('SELECT version, exampleCount FROM classifier_models');
    expect(versions).toEqual([{ version: 1, exampleCount: 91 }]);

    const deadline = Date.now() + 10_000;
    let top = await suggestTop(phrase);
    while (top !== 'SR-01' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      top = await suggestTop(phrase);
    }
    expect(top).toBe('SR-01');
    // The new model knows only the three labels it was trained on.
    expect(await suggestTop('工地夜里打桩太吵了')).toMatch(/^(GY-01|GY-02|SR-01)$/);
  });

  it('fails with a readable message and stores nothing when the corpus is missing', async () => {
    const run = await runRetrain(t.database.env, path.join(corpusDir, 'nope'));
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/classifier retrain failed: .*nope/);
    const [{ n }] = await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM classifier_models');
    expect(Number(n)).toBe(1);
  });
});
