import type { ClassifierHyperParameters } from './classifier.types';

export const CLASSIFIER_FORMAT = 'ssp-text-classifier';
export const CLASSIFIER_FORMAT_VERSION = 2;

/** Defaults chosen on several development sets (short reports and long letters), not on one. */
export const DEFAULT_HYPER_PARAMETERS: ClassifierHyperParameters = {
  minGram: 1,
  maxGram: 3,
  minDocumentFrequency: 1,
  maxFeatures: 200_000,
  maxTextLength: 3000,
  svmCost: 1,
  nbInterpolation: 0.5,
  nbSmoothing: 0.1,
  calibrationFolds: 3,
  weightPruning: 0.02,
  seed: 42,
};
