// Measuring helpers shared by the benches: a closed-loop load runner for in-process work, latency
// percentiles, CPU time and memory of processes from /proc, and plain-text tables.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @typedef {object} LoopResult
 * @property {number} ok          operations that succeeded
 * @property {number} errors      operations that threw
 * @property {string | null} firstError
 * @property {number} elapsedMs   wall time from the first start to the last finish
 * @property {number[]} latenciesMs one entry per successful operation
 */

/**
 * Runs `op` from `concurrency` workers, each starting its next call as soon as the previous one ends
 * (closed loop, like autocannon's connections), until `durationMs` has passed or `maxOps` were started.
 * @param {{ concurrency: number, durationMs: number, maxOps?: number, op: (i: number) => Promise<unknown> }} options
 * @returns {Promise<LoopResult>}
 */
export async function runClosedLoop({ concurrency, durationMs, maxOps = Number.POSITIVE_INFINITY, op }) {
  const latenciesMs = [];
  let started = 0;
  let ok = 0;
  let errors = 0;
  let firstError = null;
  const t0 = performance.now();
  const deadline = t0 + durationMs;
  async function worker() {
    while (performance.now() < deadline && started < maxOps) {
      const index = started++;
      const begin = performance.now();
      try {
        await op(index);
        latenciesMs.push(performance.now() - begin);
        ok++;
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ok, errors, firstError, elapsedMs: performance.now() - t0, latenciesMs };
}

/** Nearest-rank percentile of unsorted values (0 for none). */
export function percentile(values, p) {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** Clock ticks per second for /proc/<pid>/stat times. */
let clockTicks = 100;
try {
  clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  /* keep 100, the Linux default */
}

/** CPU seconds (user + system) a process has used so far, or null when it is gone. */
export function cpuSecondsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return null;
  }
}

/** Pids of the direct children of `pid` (e.g. the node:cluster workers of a server), from /proc. */
export function childPids(pid) {
  const children = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (the first after state) is the parent pid.
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      /* raced with its exit */
    }
  }
  return children.sort((a, b) => a - b);
}

/** CPU seconds all processes on the machine have used so far (non-idle time of /proc/stat). */
export function machineBusySeconds() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields;
    return (user + nice + system + irq + softirq + (steal ?? 0)) / clockTicks;
  } catch {
    return null;
  }
}

/** This process's CPU seconds (all threads). */
export function ownCpuSeconds() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** Pid of the first process whose command name is `name` (e.g. mariadbd), or null. */
export function pidByName(name) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) return Number(entry);
    } catch {
      /* raced with its exit */
    }
  }
  return null;
}

/** VmRSS and VmHWM of a process in MB (null when it is gone). */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/**
 * Samples a process's memory every `intervalMs`: the largest VmRSS seen and the kernel's own high-water
 * mark (VmHWM, which also catches peaks between samples).
 */
export function sampleMemory(pid, intervalMs = 100) {
  let peakRssMb = 0;
  let hwmMb = 0;
  let samples = 0;
  const take = () => {
    const memory = memoryOf(pid);
    if (!memory) return;
    samples++;
    peakRssMb = Math.max(peakRssMb, memory.rssMb);
    hwmMb = Math.max(hwmMb, memory.hwmMb);
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      take();
      clearInterval(timer);
      return { peakRssMb, hwmMb, samples };
    },
  };
}

/**
 * CPU seconds used by a few named processes between `start()` and `stop()`, with the wall time, so a
 * report can show how the two cores were shared between load generator, server and database. A
 * `{ tree: pid }` entry counts the process and its children (a clustered server: primary + workers;
 * the children are listed when the split starts).
 * @param {Record<string, number | 'self' | { tree: number } | null>} pids
 */
export function cpuSplit(pids) {
  const members = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => [name, pid !== null && typeof pid === 'object' ? [pid.tree, ...childPids(pid.tree)] : pid]),
  );
  const cpuOf = (pid) => {
    if (pid === 'self') return ownCpuSeconds();
    if (Array.isArray(pid)) {
      const each = pid.map(cpuSecondsOf);
      return each.some((s) => s === null) ? null : each.reduce((sum, s) => sum + s, 0);
    }
    return pid ? cpuSecondsOf(pid) : null;
  };
  const read = () => Object.fromEntries(Object.entries(members).map(([name, pid]) => [name, cpuOf(pid)]));
  const before = read();
  const machineBefore = machineBusySeconds();
  const t0 = performance.now();
  return {
    stop() {
      const after = read();
      const machineAfter = machineBusySeconds();
      const wallSeconds = (performance.now() - t0) / 1000;
      /** @type {Record<string, number | null>} */
      const seconds = {};
      for (const name of Object.keys(pids)) {
        seconds[name] = before[name] === null || after[name] === null ? null : after[name] - before[name];
      }
      const known = Object.values(seconds).reduce((sum, s) => sum + (s ?? 0), 0);
      // Whatever else ran on the machine meanwhile (other sessions' builds and tests, the kernel).
      seconds.other = machineBefore === null || machineAfter === null ? null : Math.max(0, machineAfter - machineBefore - known);
      return { wallSeconds, seconds };
    },
  };
}

/** "server 1.52 s (76% of a core) · bench 0.30 s …", with the machine's core count. */
export function describeCpu({ wallSeconds, seconds }) {
  const cores = availableParallelism();
  const parts = Object.entries(seconds).map(([name, s]) =>
    s === null ? `${name} n/a` : `${name} ${s.toFixed(1)} s (${((s / wallSeconds) * 100).toFixed(0)}% of one core)`,
  );
  const total = Object.values(seconds).reduce((sum, s) => sum + (s ?? 0), 0);
  return `${parts.join(' · ')} · total ${((total / (wallSeconds * cores)) * 100).toFixed(0)}% of ${cores} cores over ${wallSeconds.toFixed(1)} s`;
}

/**
 * Prints rows as an aligned text table.
 * @param {string[]} header
 * @param {Array<Array<string | number>>} rows
 */
export function printTable(header, rows) {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => [...(row[column] ?? '')].length)));
  const line = (row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

export const fmt = {
  n: (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a'),
  int: (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a'),
  duration: (ms) => (ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${((ms % 60_000) / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(1)} s`),
};

/**
 * Tiny argv parser: `--flag`, `--key value` and `--key=value`.
 * @param {string[]} argv
 * @param {Record<string, string | number | boolean>} defaults
 */
export function parseArgs(argv, defaults) {
  const options = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new Error(`unexpected argument ${argv[i]}`);
    const key = match[1].replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (!(key in defaults)) throw new Error(`unknown option --${match[1]}`);
    if (typeof defaults[key] === 'boolean') {
      options[key] = match[2] === undefined ? true : match[2] !== 'false';
      continue;
    }
    const raw = match[2] ?? argv[++i];
    if (raw === undefined) throw new Error(`--${match[1]} needs a value`);
    options[key] = typeof defaults[key] === 'number' ? Number(raw) : raw;
    if (typeof defaults[key] === 'number' && !Number.isFinite(options[key])) throw new Error(`--${match[1]} must be a number`);
  }
  return options;
}

/**
 * Waits until the machine is quiet — less than `threshold` of one core busy over a 2 s window — for at
 * most `maxSeconds`, so that a measurement does not start in the middle of someone else's build or test
 * run on a shared machine. Returns the last busy share seen (in cores).
 */
export async function waitForQuiet({ maxSeconds = 120, threshold = 0.2, label = '' } = {}) {
  const deadline = Date.now() + maxSeconds * 1000;
  let announced = false;
  for (;;) {
    const before = machineBusySeconds();
    await sleep(2000);
    const after = machineBusySeconds();
    if (before === null || after === null) return 0;
    const cores = (after - before) / 2;
    if (cores < threshold) return cores;
    if (Date.now() >= deadline) {
      console.log(`  (machine still busy: ${(cores * 100).toFixed(0)}% of a core used by others; measuring anyway${label ? ` ${label}` : ''})`);
      return cores;
    }
    if (!announced) {
      console.log(`  (machine busy: ${(cores * 100).toFixed(0)}% of a core used by other processes; waiting up to ${maxSeconds} s for quiet${label ? ` before ${label}` : ''} …)`);
      announced = true;
    }
  }
}

/** Share of one core that other processes used during a measured phase (see cpuSplit). */
export const disturbanceOf = (split) => (split.seconds.other ?? 0) / split.wallSeconds;

/**
 * Runs a measured phase on a quiet machine: waits for quiet, runs `phase` (which returns an object with
 * its `cpu` split), and if other processes used more than `threshold` of a core meanwhile, says so and
 * repeats it, up to `retries` times. Returns the least disturbed attempt.
 * @template {{ cpu: { wallSeconds: number, seconds: Record<string, number | null> } }} T
 * @param {string} label
 * @param {() => Promise<T>} phase
 * @param {{ retries?: number, quietWait?: number, threshold?: number }} [options]
 * @returns {Promise<T & { attempt: number, attempts: number }>}
 */
export async function measureQuietly(label, phase, { retries = 2, quietWait = 120, threshold = 0.15 } = {}) {
  /** @type {(T & { attempt: number, attempts: number }) | null} */
  let best = null;
  let attempts = 0;
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    attempts = attempt;
    await waitForQuiet({ maxSeconds: quietWait, label });
    const result = { ...(await phase()), attempt, attempts: attempt };
    if (!best || disturbanceOf(result.cpu) < disturbanceOf(best.cpu)) best = result;
    const disturbance = disturbanceOf(result.cpu);
    if (disturbance <= threshold) break;
    if (attempt <= retries) console.log(`  (${label} disturbed: other processes used ${(disturbance * 100).toFixed(0)}% of a core; repeating, attempt ${attempt + 1} of ${retries + 1})`);
  }
  return /** @type {T & { attempt: number, attempts: number }} */ ({ ...best, attempts });
}
