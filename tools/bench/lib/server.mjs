// Starting and stopping the built server (apps/server/dist/main.js) for a benchmark, and the small
// HTTP helpers the benches need. Everything talks to 127.0.0.1 only.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childPids } from './measure.mjs';

/** Repository root (tools/bench/lib → ../../..). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SERVER_MAIN = path.join(REPO_ROOT, 'apps/server/dist/main.js');

/** Builds the server when its dist is missing (never rebuilds an existing one: a colleague may be using it). */
export function ensureServerBuilt() {
  if (existsSync(SERVER_MAIN)) return;
  console.log('apps/server/dist/main.js is missing: building it with `npx nx run server:build` …');
  const result = spawnSync('npx', ['nx', 'run', 'server:build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(SERVER_MAIN)) throw new Error('server build failed');
}

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @typedef {object} RunningServer
 * @property {number} pid
 * @property {string} baseUrl   e.g. http://127.0.0.1:41234
 * @property {string} logFile
 * @property {() => Promise<number | null>} stop  SIGTERM, then SIGKILL after 15 s; resolves to the exit code
 * @property {() => boolean} alive
 * @property {number} processes  SERVER_PROCESSES it runs with (1: no workers)
 * @property {() => number[]} workers  pids of its node:cluster workers (none with one process)
 */

/** Servers started by this process, stopped on exit whatever happens. */
const started = new Set();
let exitHooked = false;
function hookExit() {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const child of started) {
      try {
        child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    }
  });
}

/**
 * Spawns `node apps/server/dist/main.js` (or another `entry` script that starts the built server, such as
 * a bench launcher that mounts extra modules) with `env` added to a minimal environment, waits until
 * /health/ready answers 200 (or the process dies, or `timeoutMs` passes) and, with `SERVER_PROCESSES` > 1
 * in `env`, until all its worker processes exist.
 * @param {{ env: Record<string, string>, logFile: string, timeoutMs?: number, nodeArgs?: string[], entry?: string }} options
 * @returns {Promise<RunningServer>}
 */
export async function startServer({ env, logFile, timeoutMs = 90_000, nodeArgs = [], entry = SERVER_MAIN }) {
  ensureServerBuilt();
  hookExit();
  const port = Number(env.PORT ?? (await freePort()));
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      TZ: 'UTC',
      HOST: '127.0.0.1',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  started.add(child);
  let exitCode = /** @type {number | null | undefined} */ (undefined);
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exitCode = code ?? (signal ? 128 : null);
      started.delete(child);
      resolve(exitCode);
    });
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = {
    pid: /** @type {number} */ (child.pid),
    baseUrl,
    logFile,
    processes: Number(env.SERVER_PROCESSES ?? 1),
    workers: () => childPids(/** @type {number} */ (child.pid)),
    alive: () => exitCode === undefined,
    stop: async () => {
      if (exitCode !== undefined) return exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`server exited with ${exitCode} during start; log ${logFile}:\n${tail(logFile)}`);
    try {
      const response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2000) });
      if (response.ok && (server.processes === 1 || server.workers().length >= server.processes)) return server;
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  await server.stop();
  throw new Error(`server not ready after ${timeoutMs} ms; log ${logFile}:\n${tail(logFile)}`);
}

/** The last lines of a log file, for error messages. */
export function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * JSON request to the API; throws with the body on a non-2xx answer.
 * @param {string} url
 * @param {{ method?: string, body?: unknown, token?: string }} [options]
 */
export async function apiJson(url, { method = 'GET', body, token } = {}) {
  const response = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

/** Whether a route exists on the running server (anything but 404 for an unauthenticated call). */
export async function routeExists(baseUrl, method, route) {
  const response = await fetch(`${baseUrl}${route}`, { method, signal: AbortSignal.timeout(5000) });
  await response.arrayBuffer();
  return response.status !== 404;
}
