import { existsSync } from 'node:fs';
import type { CategoryNode } from '@ssp/contracts';
import { demoCredentialsFile, ensureDemoPassword } from '../../seed/demo-credentials.util';
import { DIST, freePort, startNodeProcess, waitUntilReady } from '../helpers/node-process';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('the server process', () => {
  beforeAll(() => {
    if (!existsSync(DIST.server)) throw new Error(`${DIST.server} is missing: run "npx nx run server:build" first`);
  });

  it.each([
    ['a malformed DATABASE_URL', { DATABASE_URL: 'postgres//nope' }, /DATABASE_URL/],
    ['production with the default secret', { NODE_ENV: 'production', DATABASE_URL: 'mysql://u:p@127.0.0.1:1/db' }, /JWT_SECRET/],
    ['production without MySQL', { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }, /DATABASE_URL/],
    ['a port that is not a number', { PORT: 'eighty' }, /PORT/],
  ])('refuses to boot with %s: one readable line, non-zero exit', async (_label, env, pattern) => {
    const run = startNodeProcess(DIST.server, env);
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
        const port = await freePort();
        const run = startNodeProcess(DIST.server, { ...env, PORT: String(port) });
        await waitUntilReady(port, run);
        trees.push((await (await fetch(`http://127.0.0.1:${port}/api/v1/categories`)).json()) as CategoryNode[]);
        run.child.kill('SIGTERM');
        expect(await run.exited).toBe(0);
        banners.push(run.output());
      }
      expect(trees[0].length).toBeGreaterThanOrEqual(8);
      expect(trees[1]).toEqual(trees[0]);
      if (database.engine === 'sqlite') {
        // Embedded mode prints the demo accounts and where their password is kept, not the password: the
        // same generated one on every start.
        const file = demoCredentialsFile(database.dataDir);
        const password = ensureDemoPassword(database.dataDir);
        expect(password).toMatch(/^[a-z0-9]{12}$/);
        for (const banner of banners) {
          expect(banner).toContain(`their password is in ${file}`);
          expect(banner).not.toContain(password);
        }
      } else {
        expect(banners.join('')).not.toMatch(/password/i);
      }
    });
  });
});
