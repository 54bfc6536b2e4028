// Summarises a V8 .cpuprofile (node --cpu-prof): self time by package and by function, each hot
// function with the nearest caller outside Node's internals, so a report can say where a server spends
// its CPU without opening a profiler UI. Optionally only the samples inside a time window.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

/** "typeorm", "@nestjs/core", "server (apps/server/dist)", "node internals", "(garbage collector)" … */
function packageOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node internals';
  const dist = /\/(apps|libs)\/([^/]+)\/dist\/(.*)$/.exec(url);
  if (dist) return `${dist[2]}/${dist[3].replace(/\.js$/, '')}`;
  return url;
}

/** Package for the by-package table: our own dist code counts as one ("server", "contracts"). */
function groupOf(pkg) {
  if (pkg.startsWith('@') || pkg.startsWith('(') || !pkg.includes('/')) return pkg;
  const first = pkg.split('/')[0];
  return ['server', 'contracts', 'geo'].includes(first) ? `${first} (our code)` : pkg;
}

const isInternal = (pkg) => pkg === 'node internals' || pkg === '(native)' || pkg.startsWith('(');

/** The newest .cpuprofile in a directory, parsed; null when there is none. */
export function newestProfile(dir) {
  let files;
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
  } catch {
    return null;
  }
  if (files.length === 0) return null;
  const file = path.join(dir, files.sort().at(-1));
  return { file, profile: JSON.parse(readFileSync(file, 'utf8')) };
}

/**
 * The newest .cpuprofile in a directory, summarised; null when there is none.
 * @param {string} dir
 * @param {{ top?: number, windowNs?: [bigint, bigint] }} [options] windowNs: process.hrtime.bigint() bounds
 */
export function summariseProfileDir(dir, options = {}) {
  const newest = newestProfile(dir);
  return newest && { file: newest.file, ...summariseProfile(newest.profile, options) };
}

/**
 * @param {{ nodes: Array<{ id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }>, samples: number[], timeDeltas: number[], startTime: number }} profile
 * @param {{ top?: number, windowNs?: [bigint, bigint] }} [options]
 */
export function summariseProfile(profile, { top = 12, windowNs } = {}) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  // Sample timestamps are microseconds of the same monotonic clock as process.hrtime (CLOCK_MONOTONIC).
  const windowUs = windowNs ? [Number(windowNs[0] / 1000n), Number(windowNs[1] / 1000n)] : null;
  const selfUs = new Map();
  let t = profile.startTime;
  let inWindow = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const delta = profile.timeDeltas[i + 1] ?? 0; // time until the next sample is this sample's weight
    if (windowUs && (t < windowUs[0] || t > windowUs[1])) continue;
    inWindow++;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + delta);
  }
  const windowed = windowUs !== null && inWindow > 0;
  if (windowUs && inWindow === 0) return summariseProfile(profile, { top });

  const frame = (id) => byId.get(id).callFrame;
  /** Nearest ancestor that is application or library code, for "who called this native function". */
  const callerOf = (id) => {
    for (let p = parentOf.get(id); p !== undefined; p = parentOf.get(p)) {
      const { functionName, url, lineNumber } = frame(p);
      const pkg = packageOf(url, functionName);
      if (!isInternal(pkg)) return `${functionName || '(anonymous)'} ${pkg}:${lineNumber + 1}`;
    }
    return '';
  };
  const packages = new Map();
  const functions = new Map();
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = frame(id);
    if (functionName === '(idle)') continue;
    busyUs += us;
    const pkg = packageOf(url, functionName);
    const group = groupOf(pkg);
    packages.set(group, (packages.get(group) ?? 0) + us);
    const name = `${functionName || '(anonymous)'} [${pkg}${url && !url.startsWith('node:') ? `:${lineNumber + 1}` : ''}]`;
    const caller = isInternal(pkg) ? callerOf(id) : '';
    const key = caller ? `${name} ← ${caller}` : name;
    functions.set(key, (functions.get(key) ?? 0) + us);
  }
  const rank = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / busyUs }));
  return { windowed, busyMs: busyUs / 1000, packages: rank(packages), functions: rank(functions) };
}
