// What the image-moderation packages add to node_modules: the packages reachable from the server's
// nsfwjs / @tensorflow/* dependencies in package-lock.json that nothing else in the workspace needs,
// with their size on disk (apparent bytes, each package's own folder without its nested node_modules,
// which are packages of their own in the lock file).
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** Lock-file key a dependency `name` of the package at `from` resolves to (Node's upward lookup). */
function resolveKey(packages, from, name) {
  let base = from;
  for (;;) {
    const key = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[key]) return packages[key].link ? packages[key].resolved : key;
    if (!base) return null;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut >= 0 ? base.slice(0, cut) : '';
  }
}

function dependencyNames(entry) {
  return Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies });
}

function closure(packages, roots) {
  const seen = new Set();
  const queue = [...roots];
  while (queue.length > 0) {
    const { from, name } = queue.pop();
    const key = resolveKey(packages, from, name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    for (const dep of dependencyNames(packages[key])) queue.push({ from: key, name: dep });
  }
  return seen;
}

function ownBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? ownBytes(full) : lstatSync(full).size;
  }
  return total;
}

/**
 * @param {string} repoRoot
 * @param {string} workspace  e.g. apps/server
 * @param {string[]} added    the direct dependencies whose weight we want
 * @returns {{ packages: Array<{ key: string, bytes: number }>, totalBytes: number }}
 */
export function addedInstallSize(repoRoot, workspace, added) {
  const { packages } = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8'));
  const wanted = closure(packages, added.map((name) => ({ from: workspace, name })));
  const others = [];
  for (const [key, entry] of Object.entries(packages)) {
    const isWorkspaceRoot = key === '' || (!key.includes('node_modules') && !entry.link);
    if (!isWorkspaceRoot) continue;
    for (const name of Object.keys({ ...entry.dependencies, ...entry.devDependencies, ...entry.optionalDependencies })) {
      if (key === workspace && added.includes(name)) continue;
      others.push({ from: key, name });
    }
  }
  const shared = closure(packages, others);
  const rows = [...wanted]
    .filter((key) => !shared.has(key))
    .map((key) => ({ key, bytes: ownBytes(path.join(repoRoot, key)) }))
    .sort((a, b) => b.bytes - a.bytes);
  return { packages: rows, totalBytes: rows.reduce((sum, row) => sum + row.bytes, 0) };
}

export { ownBytes };
