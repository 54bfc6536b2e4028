// Loads the built @ssp/text library for the plain-.mjs tools, building it first (tsc) when it is
// missing or older than its sources, so `npm run classifier` works on a fresh clone after `npm install`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sourceDir = path.join(root, 'libs/text/src');
const entry = path.join(root, 'libs/text/dist/index.js');

function newestSource(dir) {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) {
      if (item.name !== '__tests__') newest = Math.max(newest, newestSource(full));
    } else if (item.name.endsWith('.ts') && !item.name.endsWith('.spec.ts')) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

/** @returns {typeof import('../../libs/text/src/index')} */
export function loadTextLib() {
  if (!existsSync(entry) || statSync(entry).mtimeMs < newestSource(sourceDir)) {
    process.stderr.write('building libs/text …\n');
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'libs/text/tsconfig.lib.json')], { stdio: 'inherit' });
  }
  return createRequire(import.meta.url)(entry);
}
