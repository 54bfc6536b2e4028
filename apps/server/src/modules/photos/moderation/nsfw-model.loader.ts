import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { NSFWJS } from 'nsfwjs';
import { NSFW_CLASSES, NSFW_MODELS, type NsfwModelName, type NsfwScores } from './nsfw-models';

/**
 * Loads an nsfwjs model from the files inside the installed package and scores raw RGB pixels with it on
 * the tfjs WebAssembly backend (SIMD, one thread; the wasm binary comes from node_modules as well).
 * Nothing here touches the network: the model is read with `require` from local files and handed to
 * tfjs as an in-memory artifact. Blocking: meant for a worker thread (the bench also calls it in-process
 * as the baseline).
 */
export interface LoadedNsfwModel {
  readonly name: NsfwModelName;
  readonly inputSize: number;
  /** e.g. `nsfwjs-4.4.0/MobileNetV2`: stored with each result so a later model change is traceable */
  readonly version: string;
  readonly network: NSFWJS;
}

const localRequire = createRequire(__filename);

/** `nsfwjs/dist/cjs` (the folder of its CommonJS entry); models and package.json sit beside it. */
function nsfwjsDistFolder(): string {
  return path.dirname(localRequire.resolve('nsfwjs'));
}

export function nsfwModelFolder(name: NsfwModelName): string {
  return path.join(nsfwjsDistFolder(), '..', 'models', NSFW_MODELS[name].directory);
}

/** The folder holding `tfjs-backend-wasm*.wasm`, with the trailing separator `setWasmPaths` expects. */
export function wasmBinaryFolder(): string {
  return path.dirname(localRequire.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + path.sep;
}

function nsfwjsVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(path.join(nsfwjsDistFolder(), '..', '..', 'package.json'), 'utf8'));
  const version = (manifest as { version?: unknown }).version;
  return typeof version === 'string' ? version : 'unknown';
}

/**
 * The package's model files are UMD bundles (module.exports = the JSON, or the base64 weights). Read
 * them directly instead of through nsfwjs's own loader: its `__importStar` copies every character of the
 * 3.5 MB weight string into a getter, which costs ~5 s and hundreds of MB per load.
 */
function requireBundle(file: string): unknown {
  const value: unknown = localRequire(file);
  delete localRequire.cache[localRequire.resolve(file)];
  return value;
}

function readArtifacts(name: NsfwModelName): tf.io.ModelArtifacts {
  const folder = nsfwModelFolder(name);
  const modelJson = requireBundle(path.join(folder, 'model.min.js')) as tf.io.ModelJSON;
  const weightSpecs: tf.io.WeightsManifestEntry[] = [];
  const shards: Buffer[] = [];
  for (const group of modelJson.weightsManifest) {
    for (const shard of group.paths) {
      const base64 = requireBundle(path.join(folder, `${shard}.min.js`));
      if (typeof base64 !== 'string') throw new Error(`weight shard ${shard} of ${name} is not a base64 string`);
      shards.push(Buffer.from(base64, 'base64'));
    }
    weightSpecs.push(...group.weights);
  }
  const weights = Buffer.concat(shards);
  return {
    modelTopology: modelJson.modelTopology,
    format: modelJson.format,
    generatedBy: modelJson.generatedBy,
    convertedBy: modelJson.convertedBy,
    userDefinedMetadata: modelJson.userDefinedMetadata,
    weightSpecs,
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
  };
}

let backendReady: Promise<void> | undefined;

/** Selects the wasm backend once per thread, with its binaries from node_modules. */
export function useWasmBackend(): Promise<void> {
  backendReady ??= (async () => {
    setWasmPaths(wasmBinaryFolder());
    tf.enableProdMode();
    if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs wasm backend failed to initialise');
    await tf.ready();
  })();
  return backendReady;
}

/** Loads the model and runs it once on zeros (nsfwjs's warm-up), so the first real image is not slow. */
export async function loadNsfwModel(name: NsfwModelName): Promise<LoadedNsfwModel> {
  await useWasmBackend();
  const spec = NSFW_MODELS[name];
  const network = new NSFWJS(tf.io.fromMemory(readArtifacts(name)), {
    size: spec.inputSize,
    ...(spec.format === 'graph' ? { type: 'graph' } : {}),
  });
  await network.load();
  return { name, inputSize: spec.inputSize, version: `nsfwjs-${nsfwjsVersion()}/${name}`, network };
}

/** Class probabilities for `inputSize`² RGB pixels (row-major, 3 bytes a pixel). */
export async function scorePixels(model: LoadedNsfwModel, pixels: Uint8Array): Promise<NsfwScores> {
  const size = model.inputSize;
  if (pixels.length !== size * size * 3) {
    throw new RangeError(`expected ${size}×${size} RGB pixels (${size * size * 3} bytes), got ${pixels.length}`);
  }
  const input = tf.tensor3d(Int32Array.from(pixels), [size, size, 3], 'int32');
  try {
    const output = model.network.infer(input);
    try {
      const probabilities = await output.data();
      if (probabilities.length !== NSFW_CLASSES.length) throw new Error(`model returned ${probabilities.length} classes`);
      const scores = {} as NsfwScores;
      NSFW_CLASSES.forEach((name, index) => (scores[name] = probabilities[index]));
      return scores;
    } finally {
      output.dispose();
    }
  } finally {
    input.dispose();
  }
}
