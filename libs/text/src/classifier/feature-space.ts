import { forEachCharGram, MAX_GRAM } from './char-ngram.util';
import { GramTable, keyOfGram } from './gram-table';
import type { CsrMatrix } from './sparse-matrix.util';

export interface FeatureSpaceSettings {
  minGram: number;
  maxGram: number;
  minDocumentFrequency: number;
  maxFeatures: number;
  /** 1 + ln(tf) instead of the raw count. */
  sublinearTf: boolean;
  /** Multiply by the smoothed inverse document frequency. */
  useIdf: boolean;
  /** Scale every vector to unit Euclidean length. */
  l2Normalize: boolean;
}

/**
 * A character n-gram vocabulary with idf weights, and the vectoriser over it. Texts given to it are
 * already normalised. Vectorising reuses one scratch buffer, so an instance is not re-entrant.
 */
export class FeatureSpace {
  private readonly index: GramTable;
  private readonly accumulator: Float64Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;

  constructor(
    readonly grams: readonly string[],
    readonly idf: Float64Array,
    readonly settings: FeatureSpaceSettings,
  ) {
    if (settings.minGram < 1 || settings.maxGram > MAX_GRAM || settings.minGram > settings.maxGram) {
      throw new RangeError(`n-gram lengths must satisfy 1 ≤ minGram ≤ maxGram ≤ ${MAX_GRAM}, got ${settings.minGram}–${settings.maxGram}`);
    }
    this.index = new GramTable(grams.length);
    grams.forEach((gram) => this.index.add(keyOfGram(gram)));
    this.accumulator = new Float64Array(grams.length);
    this.touched = new Int32Array(grams.length);
  }

  get size(): number {
    return this.grams.length;
  }

  /** Learns the vocabulary (document frequency ≥ minimum, the most frequent maxFeatures) and idf. */
  static fit(texts: readonly string[], settings: FeatureSpaceSettings): FeatureSpace {
    const slot = new GramTable(1 << 16);
    const gramText: string[] = [];
    const documentFrequency: number[] = [];
    const lastDocument: number[] = [];
    texts.forEach((text, documentId) => {
      forEachCharGram(text, settings.minGram, settings.maxGram, (key, start, length) => {
        const at = slot.add(key);
        if (at === documentFrequency.length) {
          gramText.push(text.slice(start, start + length));
          documentFrequency.push(1);
          lastDocument.push(documentId);
        } else if (lastDocument[at] !== documentId) {
          documentFrequency[at]++;
          lastDocument[at] = documentId;
        }
      });
    });
    const kept: [string, number][] = [];
    gramText.forEach((gram, at) => {
      if (documentFrequency[at] >= settings.minDocumentFrequency) kept.push([gram, documentFrequency[at]]);
    });
    kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const chosen = kept.slice(0, settings.maxFeatures);
    const idf = Float64Array.from(chosen, ([, df]) => (settings.useIdf ? Math.log((1 + texts.length) / (1 + df)) + 1 : 1));
    return new FeatureSpace(
      chosen.map(([gram]) => gram),
      idf,
      settings,
    );
  }

  /** Calls `visit(feature, value)` for each feature of the text (each feature once). */
  forEachFeature(text: string, visit: (feature: number, value: number) => void): void {
    const { accumulator, touched, settings } = this;
    this.touchedCount = 0;
    forEachCharGram(text, settings.minGram, settings.maxGram, (key) => {
      const feature = this.index.get(key);
      if (feature < 0) return;
      if (accumulator[feature] === 0) touched[this.touchedCount++] = feature;
      accumulator[feature]++;
    });
    let squares = 0;
    for (let k = 0; k < this.touchedCount; k++) {
      const feature = touched[k];
      const count = accumulator[feature];
      const value = (settings.sublinearTf ? 1 + Math.log(count) : count) * this.idf[feature];
      accumulator[feature] = value;
      squares += value * value;
    }
    const scale = settings.l2Normalize && squares > 0 ? 1 / Math.sqrt(squares) : 1;
    for (let k = 0; k < this.touchedCount; k++) {
      const feature = touched[k];
      visit(feature, accumulator[feature] * scale);
      accumulator[feature] = 0;
    }
  }

  /** All texts as one sparse matrix. */
  matrix(texts: readonly string[]): CsrMatrix {
    const rowStart = new Int32Array(texts.length + 1);
    let indices = new Int32Array(Math.max(16, texts.length * 64));
    let values = new Float32Array(indices.length);
    let size = 0;
    texts.forEach((text, row) => {
      this.forEachFeature(text, (feature, value) => {
        if (size === indices.length) {
          const grownIndices = new Int32Array(indices.length * 2);
          grownIndices.set(indices);
          const grownValues = new Float32Array(indices.length * 2);
          grownValues.set(values);
          indices = grownIndices;
          values = grownValues;
        }
        indices[size] = feature;
        values[size] = value;
        size++;
      });
      rowStart[row + 1] = size;
    });
    return { rows: texts.length, columns: this.size, rowStart, indices: indices.slice(0, size), values: values.slice(0, size) };
  }
}
