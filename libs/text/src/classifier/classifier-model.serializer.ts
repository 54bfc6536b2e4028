import { CLASSIFIER_FORMAT, CLASSIFIER_FORMAT_VERSION } from './classifier-defaults';
import type { ClassifierModel } from './classifier.types';
import { TextClassifier } from './text-classifier';

/** A model file that cannot be used (foreign, newer, damaged, or missing its custom normaliser). */
export class ClassifierModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClassifierModelError';
  }
}

/** The model file's text: compact JSON (a 75-class model is a few MB at most). */
export function serializeClassifierModel(model: ClassifierModel): string {
  return JSON.stringify(model);
}

export interface LoadClassifierOptions {
  /** Required when the model was trained with a custom normaliser: the same function. */
  normalize?: (text: string) => string;
}

/** Validates a model file (JSON text or parsed) and returns a classifier ready to predict. */
export function loadClassifierModel(json: string | unknown, options: LoadClassifierOptions = {}): TextClassifier {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new ClassifierModelError(`the model file is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const model = validatedModel(value);
  if (model.normalizer === 'custom' && !options.normalize) {
    throw new ClassifierModelError('this model was trained with a custom normaliser: pass the same `normalize` to loadClassifierModel');
  }
  return new TextClassifier(model, options.normalize);
}

function validatedModel(value: unknown): ClassifierModel {
  if (!isRecord(value)) throw new ClassifierModelError('the model file does not hold a JSON object');
  if (value.format !== CLASSIFIER_FORMAT) {
    throw new ClassifierModelError(`not a classifier model of this project: format is ${JSON.stringify(value.format ?? null)}, expected "${CLASSIFIER_FORMAT}"`);
  }
  const version = value.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ClassifierModelError(`the model's format version ${JSON.stringify(version ?? null)} is not valid`);
  }
  if (version > CLASSIFIER_FORMAT_VERSION) {
    throw new ClassifierModelError(`the model has format version ${version}, newer than this code reads (${CLASSIFIER_FORMAT_VERSION}): upgrade the software or retrain`);
  }
  if (version < CLASSIFIER_FORMAT_VERSION) {
    throw new ClassifierModelError(`the model has format version ${version}, older than this code reads (${CLASSIFIER_FORMAT_VERSION}): retrain it (npm run classifier -- train …)`);
  }
  const labels = value.labels;
  const classes = Array.isArray(labels) ? labels.length : 0;
  const problems: string[] = [];
  if (!Array.isArray(labels) || classes < 2 || !labels.every((label) => typeof label === 'string')) problems.push('labels');
  if (value.normalizer !== 'builtin-v2' && value.normalizer !== 'custom') problems.push('normalizer');
  if (!isRecord(value.hyperParameters) || !['minGram', 'maxGram', 'maxTextLength'].every((key) => isRecord(value.hyperParameters) && typeof value.hyperParameters[key] === 'number')) {
    problems.push('hyperParameters');
  }
  const features = value.features;
  if (!isRecord(features) || !Array.isArray(features.grams) || !Array.isArray(features.idf) || features.grams.length !== features.idf.length) problems.push('features');
  if (!Array.isArray(value.weights) || value.weights.length !== classes || !value.weights.every(isClassWeights)) problems.push('weights');
  for (const key of ['bias', 'massCoefficient'] as const) {
    const list = value[key];
    if (!Array.isArray(list) || list.length !== classes || !list.every((item) => typeof item === 'number')) problems.push(key);
  }
  if (problems.length > 0) throw new ClassifierModelError(`the model file is damaged: invalid ${problems.join(', ')}`);
  return value as unknown as ClassifierModel;
}

function isClassWeights(value: unknown): boolean {
  return isRecord(value) && Array.isArray(value.indices) && Array.isArray(value.values) && value.indices.length === value.values.length && typeof value.scale === 'number';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
