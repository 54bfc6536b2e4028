import type { LabelledExample, Prediction } from './classifier.types';
import type { LabelPredictor } from './evaluate-classifier.util';
import { FeatureSpace, type FeatureSpaceSettings } from './feature-space';
import { trainBinarySvm } from './linear-svm.util';
import { classFeatureTotals, fitMultinomialNaiveBayes } from './naive-bayes.util';
import { seededRandom } from './seeded-random.util';

/** Off-the-shelf text preparation of the baselines (what a default vectoriser does): lower case, one space. */
const baselineNormalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** A dense linear model over a feature space: score_c = bias_c + mass_c·|x|₁ + w_c·x. */
class LinearTextModel implements LabelPredictor {
  constructor(
    readonly labels: readonly string[],
    private readonly space: FeatureSpace,
    private readonly weights: readonly Float64Array[],
    private readonly bias: readonly number[],
    private readonly mass: readonly number[],
  ) {}

  predict(text: string, top = 3): Prediction[] {
    const scores = [...this.bias];
    let mass = 0;
    this.space.forEachFeature(baselineNormalize(text), (feature, value) => {
      mass += value;
      for (let c = 0; c < scores.length; c++) scores[c] += this.weights[c][feature] * value;
    });
    for (let c = 0; c < scores.length; c++) scores[c] += this.mass[c] * mass;
    const max = Math.max(...scores);
    const exp = scores.map((score) => Math.exp(score - max));
    const sum = exp.reduce((total, value) => total + value, 0);
    return exp
      .map((value, c) => ({ label: this.labels[c], confidence: value / sum }))
      .sort((a, b) => b.confidence - a.confidence)
      .slice(0, top);
  }
}

function prepared(examples: readonly LabelledExample[], settings: FeatureSpaceSettings) {
  const labels = [...new Set(examples.map((example) => example.label))].sort();
  const texts = examples.map((example) => baselineNormalize(example.text));
  const space = FeatureSpace.fit(texts, settings);
  const classOf = Int32Array.from(examples, (example) => labels.indexOf(example.label));
  return { labels, space, matrix: space.matrix(texts), classOf };
}

/**
 * Baseline 1: TF-IDF of character 1–3-grams (raw tf, smoothed idf, unit length, every gram kept) and a
 * one-vs-rest L2-loss linear SVM, C = 1, liblinear's dual coordinate descent — the usual default
 * "TF-IDF + LinearSVC". Confidences are a plain softmax of the margins (uncalibrated).
 */
export function trainTfidfSvmBaseline(examples: readonly LabelledExample[], seed = 1): LabelPredictor {
  const { labels, space, matrix, classOf } = prepared(examples, { minGram: 1, maxGram: 3, minDocumentFrequency: 1, maxFeatures: Number.POSITIVE_INFINITY, sublinearTf: false, useIdf: true, l2Normalize: true });
  const random = seededRandom(seed);
  const models = labels.map((_, c) =>
    trainBinarySvm(matrix, Uint8Array.from(classOf, (value) => (value === c ? 1 : 0)), { cost: 1, tolerance: 0.1, maxIterations: 1000, random, featureScale: null }),
  );
  return new LinearTextModel(
    labels,
    space,
    models.map((model) => model.weights),
    models.map((model) => model.bias),
    labels.map(() => 0),
  );
}

/** Baseline 2: multinomial naive Bayes on character 1–3-gram counts, Laplace smoothing (α = 1). */
export function trainNaiveBayesBaseline(examples: readonly LabelledExample[]): LabelPredictor {
  const { labels, space, matrix, classOf } = prepared(examples, { minGram: 1, maxGram: 3, minDocumentFrequency: 1, maxFeatures: Number.POSITIVE_INFINITY, sublinearTf: false, useIdf: false, l2Normalize: false });
  const counts = labels.map((_, c) => classOf.filter((value) => value === c).length);
  const nb = fitMultinomialNaiveBayes(classFeatureTotals(matrix, classOf, labels.length, false), counts, 1);
  return new LinearTextModel(labels, space, nb.logLikelihoodGain, Array.from(nb.logPrior), Array.from(nb.unseen));
}
