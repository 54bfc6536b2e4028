import { loadClassifierModel, serializeClassifierModel } from '../classifier-model.serializer';
import type { TrainingProgress } from '../classifier.types';
import { TextClassifier } from '../text-classifier';
import { trainClassifier } from '../train-classifier';
import { TOY_EXAMPLES } from './toy-examples';

describe('trainClassifier', () => {
  const model = trainClassifier(TOY_EXAMPLES);
  const classifier = new TextClassifier(model);

  it('learns a separable set perfectly', () => {
    for (const example of TOY_EXAMPLES) expect(classifier.predict(example.text, 1)[0].label).toBe(example.label);
  });

  it('generalises to new wordings of the same problems', () => {
    expect(classifier.predict('家门口的路灯晚上不亮', 1)[0].label).toBe('路灯');
    expect(classifier.predict('这里的垃圾没人管', 1)[0].label).toBe('垃圾');
    expect(classifier.predict('隔壁噪音太大了', 1)[0].label).toBe('噪音');
  });

  it('ranks every label, best first, with confidences that sum to 1', () => {
    const ranked = classifier.predict('路灯不亮，旁边还有垃圾', 3);
    expect(ranked.map((p) => p.label).sort()).toEqual(['噪音', '垃圾', '路灯']);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].confidence).toBeGreaterThanOrEqual(ranked[i].confidence);
    expect(ranked.reduce((sum, p) => sum + p.confidence, 0)).toBeCloseTo(1, 10);
    expect(classifier.predict('路灯不亮', 1)).toHaveLength(1);
  });

  it('is unsure about text unlike anything it learnt', () => {
    const known = classifier.predict('路灯坏了不亮', 1)[0].confidence;
    const unseen = classifier.predict('今天天气晴朗适合郊游', 3);
    expect(unseen).toHaveLength(3);
    expect(unseen[0].confidence).toBeLessThan(0.6);
    expect(unseen[0].confidence).toBeLessThan(known);
    expect(classifier.predict('', 1)[0].confidence).toBeLessThan(0.6);
  });

  it('records what it was trained with', () => {
    expect(model.format).toBe('ssp-text-classifier');
    expect(model.labels).toEqual(['噪音', '垃圾', '路灯']);
    expect(model.trainingSetSize).toBe(30);
    expect(model.classCounts).toEqual([10, 10, 10]);
    expect(model.normalizer).toBe('builtin-v2');
    expect(Date.parse(model.createdAt)).not.toBeNaN();
  });

  it('predicts the same after serialising and loading', () => {
    const loaded = loadClassifierModel(serializeClassifierModel(model));
    for (const text of ['路灯不亮', '垃圾满了', '半夜噪音', '完全无关的一句话', '路灯和垃圾和噪音']) {
      const before = classifier.predict(text, 3);
      const after = loaded.predict(text, 3);
      expect(after.map((p) => p.label)).toEqual(before.map((p) => p.label));
      after.forEach((p, i) => expect(p.confidence).toBeCloseTo(before[i].confidence, 12));
    }
  });

  it('uses a custom normaliser for training and prediction', () => {
    const calls: string[] = [];
    const normalize = (text: string) => {
      calls.push(text);
      return text.replace(/灯/g, '燈');
    };
    const custom = trainClassifier(TOY_EXAMPLES, { normalize });
    expect(custom.normalizer).toBe('custom');
    expect(custom.features.grams).toContain('燈');
    expect(custom.features.grams).not.toContain('灯');
    expect(calls.length).toBeGreaterThanOrEqual(TOY_EXAMPLES.length);
    expect(new TextClassifier(custom, normalize).predict('路灯不亮', 1)[0].label).toBe('路灯');
  });

  it('stacks its four members with non-negative weights fitted on held-out folds', () => {
    expect(model.calibration.members.map((member) => member.name)).toEqual(['nbsvm', 'svm', 'naiveBayes', 'centroid']);
    for (const member of model.calibration.members) expect(member.weight).toBeGreaterThanOrEqual(0);
    expect(model.calibration.members.some((member) => member.weight > 0)).toBe(true);
    expect(model.calibration.heldOutLogLoss).toBeLessThan(Math.log(3));
  });

  it('reports progress up to the total', () => {
    const seen: TrainingProgress[] = [];
    trainClassifier(TOY_EXAMPLES, {}, (progress) => seen.push(progress));
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.map((p) => p.stage)).toContain('calibration');
    expect(seen[seen.length - 1].done).toBe(seen[seen.length - 1].total);
  });

  it('can use character 4-grams, and finds them again after loading', () => {
    const four = trainClassifier(TOY_EXAMPLES, { maxGram: 4 });
    expect(four.features.grams).toContain('路灯不亮');
    const loaded = loadClassifierModel(serializeClassifierModel(four));
    expect(loaded.predict('路灯不亮', 3)).toEqual(new TextClassifier(four).predict('路灯不亮', 3));
    expect(loaded.predict('这里垃圾好几天没清运', 1)[0].label).toBe('垃圾');
  });

  it('refuses fewer than two labels and n-grams it cannot hold', () => {
    expect(() => trainClassifier(TOY_EXAMPLES.slice(0, 10))).toThrow('at least two labels');
    expect(() => trainClassifier(TOY_EXAMPLES, { maxGram: 5 })).toThrow('maxGram');
  });

  it('classifies a very long text by its head and tail', () => {
    const long = `${'路灯不亮'.repeat(2000)}${'今天天气'.repeat(2000)}`;
    expect(classifier.predict(long, 1)[0].label).toBe('路灯');
  });
});
