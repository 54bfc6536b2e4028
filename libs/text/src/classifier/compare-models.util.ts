import type { EvaluationReport, LabelledExample, TrainClassifierOptions } from './classifier.types';
import { comparedTrainers } from './compare-trainers';
import { computeEvaluation, type LabelPredictor } from './evaluate-classifier.util';
import { stratifiedFolds } from './stratified-split.util';

export interface ModelComparison {
  name: string;
  /** Pooled out-of-fold predictions of all folds. */
  report: EvaluationReport;
  foldMacroF1: number[];
  trainSeconds: number;
}

export interface CompareProgress {
  fold: number;
  folds: number;
  model: string;
}

/**
 * Stratified k-fold cross-validation of our classifier against the two baselines on the same folds:
 * every model is trained on k − 1 folds and predicts the remaining one, for each fold.
 */
export function compareModels(
  examples: readonly LabelledExample[],
  folds = 5,
  seed = 42,
  options: TrainClassifierOptions = {},
  onProgress?: (progress: CompareProgress) => void,
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
    let trainSeconds = 0;
    let labels: readonly string[] = [];
    for (let fold = 0; fold < folds; fold++) {
      onProgress?.({ fold, folds, model: name });
      const trainPart = examples.filter((_, row) => foldOf[row] !== fold);
      const testPart = examples.filter((_, row) => foldOf[row] === fold);
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
    return { name, report: computeEvaluation(labels, actual, predicted, confidence), foldMacroF1, trainSeconds };
  });
}
