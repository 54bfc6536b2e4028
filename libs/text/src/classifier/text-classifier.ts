import { clipText, normalizeForClassifier } from './classifier-normalize.util';
import type { ClassifierModel, Prediction } from './classifier.types';
import { FeatureSpace } from './feature-space';
import { forEachClassWeight } from './sparse-weights.util';

/**
 * A loaded model, ready to predict. Weights are held feature-major (for each n-gram, the classes it
 * speaks for), so a prediction touches only the text's own n-grams. Not re-entrant (one scratch buffer),
 * which is fine on Node's single thread.
 */
export class TextClassifier {
  readonly labels: readonly string[];
  private readonly space: FeatureSpace;
  private readonly normalize: (text: string) => string;
  private readonly featureStart: Int32Array;
  private readonly entryClass: Uint16Array;
  private readonly entryWeight: Float64Array;
  private readonly scores: Float64Array;

  constructor(
    readonly model: ClassifierModel,
    normalize?: (text: string) => string,
  ) {
    this.labels = model.labels;
    this.normalize = normalize ?? normalizeForClassifier;
    const { minGram, maxGram, minDocumentFrequency, maxFeatures } = model.hyperParameters;
    this.space = new FeatureSpace(model.features.grams, Float64Array.from(model.features.idf), {
      minGram,
      maxGram,
      minDocumentFrequency,
      maxFeatures,
      sublinearTf: true,
      useIdf: true,
      l2Normalize: true,
    });
    const perFeature = new Int32Array(this.space.size + 1);
    for (const weights of model.weights) forEachClassWeight(weights, (feature) => perFeature[feature + 1]++);
    for (let j = 0; j < this.space.size; j++) perFeature[j + 1] += perFeature[j];
    this.featureStart = perFeature;
    this.entryClass = new Uint16Array(perFeature[this.space.size]);
    this.entryWeight = new Float64Array(perFeature[this.space.size]);
    const fill = perFeature.slice(0, this.space.size);
    model.weights.forEach((weights, c) =>
      forEachClassWeight(weights, (feature, weight) => {
        const at = fill[feature]++;
        this.entryClass[at] = c;
        this.entryWeight[at] = weight;
      }),
    );
    this.scores = new Float64Array(model.labels.length);
  }

  /** The `top` most likely labels, best first, with calibrated confidences (all labels sum to 1). */
  predict(text: string, top = 3): Prediction[] {
    const probabilities = this.probabilities(text);
    // Selection of the best `top` (higher confidence first, the lower label index on a tie): the order
    // a full sort would give, without sorting every label for the usual three.
    const taken = new Uint8Array(probabilities.length);
    const ranked: Prediction[] = [];
    for (let k = Math.min(Math.max(0, top), probabilities.length); k > 0; k--) {
      let best = -1;
      for (let c = 0; c < probabilities.length; c++) {
        if (taken[c] === 0 && (best < 0 || probabilities[c] > probabilities[best])) best = c;
      }
      taken[best] = 1;
      ranked.push({ label: this.labels[best], confidence: probabilities[best] });
    }
    return ranked;
  }

  /** The confidence of every label, in the order of `labels`. */
  probabilities(text: string): Float64Array {
    const { scores, featureStart, entryClass, entryWeight } = this;
    scores.set(this.model.bias);
    let mass = 0;
    this.space.forEachFeature(clipText(this.normalize(text), this.model.hyperParameters.maxTextLength), (feature, value) => {
      mass += value;
      for (let k = featureStart[feature]; k < featureStart[feature + 1]; k++) scores[entryClass[k]] += entryWeight[k] * value;
    });
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < scores.length; c++) {
      scores[c] += this.model.massCoefficient[c] * mass;
      if (scores[c] > max) max = scores[c];
    }
    const result = new Float64Array(scores.length);
    let sum = 0;
    for (let c = 0; c < scores.length; c++) {
      result[c] = Math.exp(scores[c] - max);
      sum += result[c];
    }
    for (let c = 0; c < scores.length; c++) result[c] /= sum;
    return result;
  }
}
