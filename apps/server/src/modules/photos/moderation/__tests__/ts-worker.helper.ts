import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Runs a TypeScript worker entry in place, as jest runs the specs: the worker thread installs a `.ts`
 * require hook backed by @swc/core (the compiler jest and the build already use), so the worker and the
 * local modules it imports resolve node_modules exactly as the compiled `dist/` files do.
 */
export function startTypeScriptWorker(entry: string, options: WorkerOptions = {}): Worker {
  const bootstrap = `
    const { readFileSync } = require('node:fs');
    const { transformSync } = require(${JSON.stringify(require.resolve('@swc/core'))});
    require.extensions['.ts'] = (module, filename) => {
      const { code } = transformSync(readFileSync(filename, 'utf8'), {
        filename,
        jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022' },
        module: { type: 'commonjs' },
      });
      module._compile(code, filename);
    };
    require(${JSON.stringify(entry)});
  `;
  return new Worker(bootstrap, { ...options, eval: true });
}
