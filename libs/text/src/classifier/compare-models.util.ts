import type { EvaluationReport, LabelledExample, TrainClassifierOptions } from './classifier.types';
import { comparedTrainers } from './compare-trainers';
import { computeEvaluation, type LabelPredictor } from './evaluate-classifier.util';
import { seededRandom, shuffleInPlace } from './seeded-random.util';
import { stratifiedFolds } from './stratified-split.util';

export interface ModelComparison {
  name: string;
  /** Pooled out-of-fold predictions of all folds. */
  report: EvaluationReport;
  foldMacroF1: number[];
  /** Training rows of each fold. */
  foldTrainRows: number[];
  trainSeconds: number;
}

export interface CompareProgress {
  fold: number;
  folds: number;
  model: string;
}

export interface CompareSampling {
  /** Train each fold's models on at most this many rows per label (a seeded subset of the k − 1 folds),
   *  to see how the models do with little data; the held-out fold stays whole. */
  trainPerLabel?: number;
}

/**
 * Stratified k-fold cross-validation of our classifier against the two baselines on the same folds:
 * every model is trained on k − 1 folds (or a per-label subset of them) and predicts the remaining one.
 */
export function compareModels(
  examples: readonly LabelledExample[],
  folds = 5,
  seed = 42,
  options: TrainClassifierOptions = {},
  onProgress?: (progress: CompareProgress) => void,
  sampling: CompareSampling = {},
): ModelComparison[] {
  const foldOf = stratifiedFolds(
    examples.map((example) => example.label),
    folds,
    seed,
  );
  const trainers = comparedTrainers(options);
  return trainers.map(({ name, train }) => {
    const actual: string[] = [];
    const predicted: string[] = [];
    const confidence: number[] = [];
    const foldMacroF1: number[] = [];
    const foldTrainRows: number[] = [];
    let trainSeconds = 0;
    let labels: readonly string[] = [];
    for (let fold = 0; fold < folds; fold++) {
      onProgress?.({ fold, folds, model: name });
      const trainPart = limitPerLabel(
        examples.filter((_, row) => foldOf[row] !== fold),
        sampling.trainPerLabel,
        seed + fold,
      );
      const testPart = examples.filter((_, row) => foldOf[row] === fold);
      foldTrainRows.push(trainPart.length);
      const started = Date.now();
      const model: LabelPredictor = train(trainPart);
      trainSeconds += (Date.now() - started) / 1000;
      labels = model.labels;
      const foldPredicted = testPart.map((example) => model.predict(example.text, 1)[0]);
      const foldActual = testPart.map((example) => example.label);
      foldMacroF1.push(computeEvaluation(labels, foldActual, foldPredicted.map((p) => p.label), foldPredicted.map((p) => p.confidence)).macroF1);
      actual.push(...foldActual);
      predicted.push(...foldPredicted.map((p) => p.label));
      confidence.push(...foldPredicted.map((p) => p.confidence));
    }
    return { name, report: computeEvaluation(labels, actual, predicted, confidence), foldMacroF1, foldTrainRows, trainSeconds };
  });
}

/** At most `perLabel` rows of each label, chosen at random (seeded), in their original order. */
function limitPerLabel(examples: readonly LabelledExample[], perLabel: number | undefined, seed: number): LabelledExample[] {
  if (perLabel === undefined || !Number.isFinite(perLabel)) return [...examples];
  const random = seededRandom(seed);
  const order = examples.map((_, row) => row);
  shuffleInPlace(order, random);
  const taken = new Map<string, number>();
  const kept = new Set<number>();
  for (const row of order) {
    const count = taken.get(examples[row].label) ?? 0;
    if (count >= perLabel) continue;
    taken.set(examples[row].label, count + 1);
    kept.add(row);
  }
  return examples.filter((_, row) => kept.has(row));
}
