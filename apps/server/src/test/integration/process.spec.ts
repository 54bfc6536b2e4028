import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { CategoryNode } from '@ssp/contracts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** The built server as users run it (`node apps/server/dist/main.js`); the integration target builds it first. */
const MAIN = path.resolve(__dirname, '../../../dist/main.js');

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Run {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitReady(port: number, run: Run): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (run.child.exitCode !== null) throw new Error(`server exited: ${run.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server not ready in time: ${run.output()}`);
}

let nextPort = 39_400 + (process.pid % 400);

describe('the server process', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npx nx run server:build" first`);
  });

  it.each([
    ['a malformed DATABASE_URL', { DATABASE_URL: 'postgres//nope' }, /DATABASE_URL/],
    ['production with the default secret', { NODE_ENV: 'production', DATABASE_URL: 'mysql://u:p@127.0.0.1:1/db' }, /JWT_SECRET/],
    ['production without MySQL', { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }, /DATABASE_URL/],
    ['a port that is not a number', { PORT: 'eighty' }, /PORT/],
  ])('refuses to boot with %s: one readable line, non-zero exit', async (_label, env, pattern) => {
    const run = startServer(env);
    const code = await run.exited;
    expect(code).not.toBe(0);
    const lines = run.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^随手拍 server cannot start: /);
    expect(lines[0]).toMatch(pattern);
  });

  describe('on a data directory of its own', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(() => database.drop());

    it('starts, serves the seeded tree, shuts down cleanly on SIGTERM, and reuses its data on restart', async () => {
      const env = { ...database.env, SEED_ON_START: 'true', SEED_DEMO_ACCOUNTS: 'true', HOST: '127.0.0.1' };
      const trees: CategoryNode[][] = [];
      const banners: string[] = [];
      for (let round = 0; round < 2; round += 1) {
        const port = nextPort++;
        const run = startServer({ ...env, PORT: String(port) });
        await waitReady(port, run);
        trees.push((await (await fetch(`http://127.0.0.1:${port}/api/v1/categories`)).json()) as CategoryNode[]);
        run.child.kill('SIGTERM');
        expect(await run.exited).toBe(0);
        banners.push(run.output());
      }
      expect(trees[0].length).toBeGreaterThanOrEqual(8);
      expect(trees[1]).toEqual(trees[0]);
      if (database.engine === 'sqlite') {
        // Embedded mode prints the demo accounts, with the same generated password on every start.
        const password = /password: (\S+)/.exec(banners[0])?.[1];
        expect(password).toMatch(/^[a-z0-9]{12}$/);
        expect(banners[1]).toContain(`password: ${password}`);
      } else {
        expect(banners.join('')).not.toMatch(/password/i);
      }
    });
  });
});
