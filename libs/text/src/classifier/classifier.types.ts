/** One training or evaluation row: a category label and the text a resident wrote. */
export interface LabelledExample {
  label: string;
  text: string;
}

/** One ranked answer of the classifier; confidences of all labels sum to 1. */
export interface Prediction {
  label: string;
  confidence: number;
}

/** Settings that shape the model; all of them are saved in the model file. */
export interface ClassifierHyperParameters {
  /** Shortest and longest character n-gram. */
  minGram: number;
  maxGram: number;
  /** A gram must occur in at least this many training texts to become a feature. */
  minDocumentFrequency: number;
  /** Keep at most this many features (the most frequent ones). */
  maxFeatures: number;
  /** Longer texts are cut to their head and tail (characters after normalisation). */
  maxTextLength: number;
  /** Cost of the linear SVM (liblinear's C). */
  svmCost: number;
  /** NBSVM interpolation β between the SVM weights and their mean magnitude (1 = plain NBSVM). */
  nbInterpolation: number;
  /** Additive smoothing of the naive-Bayes feature totals (tf-idf mass; the NBSVM ratios use 1). */
  nbSmoothing: number;
  /** Folds whose held-out scores fit the ensemble weights and the calibration. */
  calibrationFolds: number;
  /** Weights below this fraction of a class's largest weight are dropped from the file. */
  weightPruning: number;
  /** Seed of every random choice (shuffles, folds). */
  seed: number;
}

/** The linear models the ensemble mixes (NBSVM, plain linear SVM, multinomial naive Bayes, nearest centroid). */
export type EnsembleMember = 'nbsvm' | 'svm' | 'naiveBayes' | 'centroid';

/** How the text was prepared before n-grams were taken. */
export type NormalizerKind = 'builtin-v2' | 'custom';

export interface TrainClassifierOptions extends Partial<ClassifierHyperParameters> {
  /** Replaces the built-in normaliser (NFKC, lower case, punctuation and emoji removed). */
  normalize?: (text: string) => string;
}

export type TrainingStage = 'features' | 'calibration' | 'final';

export interface TrainingProgress {
  stage: TrainingStage;
  /** Units of work done and planned over the whole training run. */
  done: number;
  total: number;
}

export type ProgressListener = (progress: TrainingProgress) => void;

/** Per-class weights, sparse: delta-encoded feature indices and integers × scale. */
export interface SparseClassWeights {
  indices: number[];
  values: number[];
  scale: number;
}

/** The serialisable model (what the model file holds). */
export interface ClassifierModel {
  format: string;
  formatVersion: number;
  createdAt: string;
  normalizer: NormalizerKind;
  labels: string[];
  hyperParameters: ClassifierHyperParameters;
  trainingSetSize: number;
  classCounts: number[];
  /** Stacking weights fitted on held-out folds: logit = Σ weight·memberScore (temperature folded in);
   *  heldOutLogLoss is the cross-entropy against the Platt-smoothed targets. */
  calibration: { members: { name: EnsembleMember; weight: number }[]; heldOutLogLoss: number };
  features: { grams: string[]; idf: number[] };
  weights: SparseClassWeights[];
  bias: number[];
  /** Per-class coefficient of the feature vector's L1 norm (the naive-Bayes unseen-gram term). */
  massCoefficient: number[];
}

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvaluationReport {
  labels: string[];
  total: number;
  accuracy: number;
  macroF1: number;
  weightedF1: number;
  perClass: ClassMetrics[];
  /** confusion[actual][predicted] counts, in the order of `labels`. */
  confusion: number[][];
  /** Expected calibration error of the top confidence (10 equal-width bins). */
  expectedCalibrationError: number;
  meanConfidence: number;
}
