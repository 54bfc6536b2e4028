import { trainNaiveBayesBaseline, trainTfidfSvmBaseline } from '../baseline-models';
import { compareModels } from '../compare-models.util';
import { TOY_EXAMPLES } from './toy-examples';

describe('baselines and compareModels', () => {
  it('trains both baselines to separate the toy set', () => {
    for (const model of [trainTfidfSvmBaseline(TOY_EXAMPLES), trainNaiveBayesBaseline(TOY_EXAMPLES)]) {
      expect(TOY_EXAMPLES.every((example) => model.predict(example.text, 1)[0].label === example.label)).toBe(true);
    }
  });

  it('cross-validates ours and the two baselines on the same folds', () => {
    const results = compareModels(TOY_EXAMPLES, 5, 1);
    expect(results.map((r) => r.name)).toEqual(['ours (stacked NBSVM+SVM+NB+cent.)', 'TF-IDF char 1-3 + linear SVM', 'multinomial naive Bayes']);
    for (const result of results) {
      expect(result.report.total).toBe(TOY_EXAMPLES.length);
      expect(result.foldMacroF1).toHaveLength(5);
      expect(result.report.macroF1).toBeGreaterThan(0.8);
    }
  });

  it('trains on a per-label subset when asked, and still predicts every held-out row', () => {
    const results = compareModels(TOY_EXAMPLES, 5, 1, {}, undefined, { trainPerLabel: 3 });
    for (const result of results) {
      expect(result.foldTrainRows).toEqual([9, 9, 9, 9, 9]);
      expect(result.report.total).toBe(TOY_EXAMPLES.length);
    }
    expect(compareModels(TOY_EXAMPLES, 5, 1)[0].foldTrainRows).toEqual([24, 24, 24, 24, 24]);
  });
});
