// A MariaDB server of the chaos run's own: its own data directory, port and socket, so it can be killed and
// restarted without touching the machine's shared server (other tests and CI use that one).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, closeSync } from 'node:fs';
import * as path from 'node:path';
import mysql from 'mysql2/promise';
import { sleep } from '../bench/lib/measure.mjs';
import { freePort } from '../bench/lib/server.mjs';

const MARIADBD = process.env.MARIADBD ?? '/usr/sbin/mariadbd';
const USER = 'ssp_chaos';
const PASSWORD = 'chaos-only-password';

/**
 * Initialises a data directory under `dir`, starts mariadbd on a free port and creates a TCP account.
 * @param {string} dir
 */
export async function startPrivateMariadb(dir) {
  const dataDir = path.join(dir, 'mariadb-data');
  const socket = path.join(dir, 'mariadb.sock');
  mkdirSync(dataDir, { recursive: true });
  const install = spawnSync('mariadb-install-db', ['--no-defaults', `--datadir=${dataDir}`, '--user=root', '--skip-test-db', '--auth-root-authentication-method=socket'], {
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr || install.stdout}`);
  const port = await freePort();
  /** @type {import('node:child_process').ChildProcess | null} */
  let child = null;
  let exited = Promise.resolve();

  const start = async () => {
    const log = openSync(path.join(dir, 'mariadb.log'), 'a');
    child = spawn(
      MARIADBD,
      [
        '--no-defaults',
        `--datadir=${dataDir}`,
        '--user=root',
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--socket=${socket}`,
        `--pid-file=${path.join(dir, 'mariadb.pid')}`,
        '--innodb-buffer-pool-size=256M',
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_unicode_ci',
      ],
      { stdio: ['ignore', log, log] },
    );
    closeSync(log);
    exited = new Promise((resolve) => child?.once('exit', () => resolve(undefined)));
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const connection = await mysql.createConnection({ socketPath: socket, user: 'root' });
        await connection.end();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`private mariadbd did not start: ${String(error)}`);
        await sleep(100);
      }
    }
  };

  await start();
  const root = await mysql.createConnection({ socketPath: socket, user: 'root' });
  await root.query(`CREATE USER '${USER}'@'127.0.0.1' IDENTIFIED BY '${PASSWORD}'`);
  await root.query(`GRANT ALL ON *.* TO '${USER}'@'127.0.0.1'`);
  await root.query('CREATE DATABASE ssp_chaos CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  await root.end();

  return {
    url: `mysql://${USER}:${PASSWORD}@127.0.0.1:${port}/ssp_chaos`,
    /** Kills mariadbd at once (a crash: nothing flushed beyond what InnoDB already made durable). */
    async crash() {
      child?.kill('SIGKILL');
      await exited;
    },
    /** Starts mariadbd again on the same data directory and port; resolves once it accepts connections. */
    restart: start,
    async stop() {
      child?.kill('SIGTERM');
      await exited;
    },
  };
}
