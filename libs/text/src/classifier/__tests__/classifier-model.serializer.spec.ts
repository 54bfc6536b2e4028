import { ClassifierModelError, loadClassifierModel, serializeClassifierModel } from '../classifier-model.serializer';
import { trainClassifier } from '../train-classifier';
import { TOY_EXAMPLES } from './toy-examples';

describe('loadClassifierModel', () => {
  const model = trainClassifier(TOY_EXAMPLES);
  const file = JSON.parse(serializeClassifierModel(model)) as Record<string, unknown>;

  it('loads a parsed object as well as JSON text', () => {
    expect(loadClassifierModel(file).predict('路灯不亮', 1)[0].label).toBe('路灯');
  });

  it('refuses a file of another format', () => {
    expect(() => loadClassifierModel({ ...file, format: 'fasttext' })).toThrow(ClassifierModelError);
    expect(() => loadClassifierModel({ ...file, format: 'fasttext' })).toThrow('format is "fasttext", expected "ssp-text-classifier"');
    expect(() => loadClassifierModel('[1, 2]')).toThrow('does not hold a JSON object');
    expect(() => loadClassifierModel('{not json')).toThrow('not valid JSON');
  });

  it('refuses an older, a newer or an invalid format version', () => {
    expect(file.formatVersion).toBe(2);
    expect(() => loadClassifierModel({ ...file, formatVersion: 1 })).toThrow('format version 1, older than this code reads (2): retrain it');
    expect(() => loadClassifierModel({ ...file, formatVersion: 3 })).toThrow('format version 3, newer than this code reads (2)');
    expect(() => loadClassifierModel({ ...file, formatVersion: '2' })).toThrow('format version "2" is not valid');
  });

  it('refuses a damaged file, naming what is wrong', () => {
    expect(() => loadClassifierModel({ ...file, weights: [] })).toThrow('damaged: invalid weights');
    expect(() => loadClassifierModel({ ...file, bias: ['x', 1, 2] })).toThrow('invalid bias');
  });

  it('asks for the normaliser a custom-normalised model was trained with', () => {
    const normalize = (text: string) => text.toUpperCase();
    const custom = serializeClassifierModel(trainClassifier(TOY_EXAMPLES, { normalize }));
    expect(() => loadClassifierModel(custom)).toThrow('custom normaliser');
    expect(loadClassifierModel(custom, { normalize }).predict('垃圾桶满了', 1)[0].label).toBe('垃圾');
  });
});
