import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** The built server as users run it (`node apps/server/dist/main.js`); the integration target builds it first. */
const MAIN = path.resolve(__dirname, '../../../dist/main.js');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pids of a process's children (the cluster workers), from /proc. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function until<T>(what: string, probe: () => Promise<T | null> | T | null, child: ChildProcess, output: () => string): Promise<T> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited while waiting for ${what}: ${output()}`);
    const value = await probe();
    if (value !== null) return value;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}: ${output()}`);
}

describe('the server with SERVER_PROCESSES=2', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npx nx run server:build" first`);
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('on MySQL: migrates and seeds, then serves from two workers, replaces one that dies, exits 0 on SIGTERM; on SQLite: refuses', async () => {
    const port = 39_800 + (process.pid % 150);
    let output = '';
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
        ...database.env,
        SEED_ON_START: 'true',
        SERVER_PROCESSES: '2',
        HOST: '127.0.0.1',
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const pid = child.pid ?? 0;

    if (database.engine === 'sqlite') {
      expect(await exited).not.toBe(0);
      expect(output.trim()).toMatch(/^随手拍 server cannot start: SERVER_PROCESSES > 1 requires DATABASE_URL/);
      return;
    }

    const categories = async () => {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/categories`).catch(() => null);
      return response?.status === 200 ? ((await response.json()) as unknown[]) : null;
    };
    const workers = await until('two workers', () => (childrenOf(pid).length === 2 ? childrenOf(pid) : null), child, () => output);
    const tree = await until('the category tree', categories, child, () => output);
    expect(tree.length).toBeGreaterThanOrEqual(8);

    process.kill(workers[0], 'SIGKILL');
    const replaced = await until(
      'a replacement worker',
      () => {
        const now = childrenOf(pid);
        return now.length === 2 && !now.includes(workers[0]) ? now : null;
      },
      child,
      () => output,
    );
    expect(replaced).toContain(workers[1]);
    for (let i = 0; i < 10; i++) expect(await until('the tree again', categories, child, () => output)).toEqual(tree);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(childrenOf(pid)).toEqual([]);
    const errors = output.split('\n').filter((line) => line.includes('"level":50'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('worker process exited unexpectedly');
  });
});
