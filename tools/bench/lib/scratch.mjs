// The scratch side of a MariaDB bench run: the database URL and data directory it works in, and one
// cleanup that stops the bench's server and drops both (unless --keep), also on SIGINT/SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const LOOPBACK = ['127.0.0.1', 'localhost', '::1', '[::1]'];

/**
 * @param {{ mysqlUrl: string, database: string, keep: boolean }} options the bench's parsed options
 * @param {string} dirPrefix prefix of the temporary data directory, e.g. `ssp-bench-inbox-`
 * @param {() => { server: import('./server.mjs').RunningServer | null, admin: { query(sql: string): Promise<unknown>, end(): Promise<void> } | null }} current
 *   the bench's server and admin pool at the time of cleanup (both may still be null)
 */
export function benchScratch(options, dirPrefix, current) {
  if (!LOOPBACK.includes(new URL(options.mysqlUrl).hostname)) throw new Error('this bench only talks to 127.0.0.1');
  if (!/^[a-z0-9_]{1,64}$/.test(options.database)) throw new Error(`unsafe database name ${options.database}`);
  const databaseUrl = `${options.mysqlUrl.replace(/\/$/, '')}/${options.database}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), dirPrefix));
  /** @type {Promise<void> | null} */
  let done = null;

  /** Stops the server and drops the database and data directory (kept with --keep); runs once. */
  function cleanup() {
    done ??= (async () => {
      const { server, admin } = current();
      if (server) await server.stop().catch(() => undefined);
      if (admin) {
        if (!options.keep) await admin.query(`DROP DATABASE IF EXISTS \`${options.database}\``).catch(() => undefined);
        await admin.end().catch(() => undefined);
      }
      if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
    })();
    return done;
  }
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      console.error(`\n${signal}: cleaning up`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  return { databaseUrl, dataDir, cleanup };
}
