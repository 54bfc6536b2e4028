import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

/** The built server as users run it (`node apps/server/dist/main.js`); the integration target builds it first. */
export const SERVER_MAIN = path.resolve(__dirname, '../../../dist/main.js');

export interface ServerRun {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function startServerProcess(env: Record<string, string>): ServerRun {
  let output = '';
  const child = spawn(process.execPath, [SERVER_MAIN], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function waitReady(port: number, run: ServerRun): Promise<void> {
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

let nextPort = 39_000 + (process.pid % 900);

/** A loopback port for a spawned server, distinct per call within a test process. */
export function nextServerPort(): number {
  nextPort += 1;
  return nextPort;
}
