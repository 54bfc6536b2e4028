import { computeEvaluation, evaluateClassifier, type LabelPredictor } from '../evaluate-classifier.util';
import { formatEvaluationReport } from '../format-evaluation-report.util';

describe('computeEvaluation', () => {
  // actual → predicted:  A→A ×3, A→B ×1, B→B ×2, B→C ×1, C→C ×1, C→A ×1
  const actual = ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'C', 'C'];
  const predicted = ['A', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'A'];
  const confidence = [0.95, 0.95, 0.85, 0.55, 0.75, 0.75, 0.45, 0.65, 0.55];
  const report = computeEvaluation(['A', 'B', 'C'], actual, predicted, confidence);

  it('builds the confusion matrix with rows = actual', () => {
    expect(report.confusion).toEqual([
      [3, 1, 0],
      [0, 2, 1],
      [1, 0, 1],
    ]);
  });

  it('computes accuracy, per-class and macro figures by hand', () => {
    expect(report.accuracy).toBeCloseTo(6 / 9, 12);
    // A: P 3/4, R 3/4, F1 0.75; B: P 2/3, R 2/3; C: P 1/2, R 1/2.
    expect(report.perClass.map((m) => [m.label, m.precision, m.recall, m.support])).toEqual([
      ['A', 0.75, 0.75, 4],
      ['B', 2 / 3, 2 / 3, 3],
      ['C', 0.5, 0.5, 2],
    ]);
    expect(report.macroF1).toBeCloseTo((0.75 + 2 / 3 + 0.5) / 3, 12);
    expect(report.weightedF1).toBeCloseTo((0.75 * 4 + (2 / 3) * 3 + 0.5 * 2) / 9, 12);
  });

  it('computes the expected calibration error over ten bins', () => {
    // bin 0.9: 2 right at 0.95; 0.8: 1 right at 0.85; 0.7: 2 right at 0.75; 0.6: 1 right at 0.65;
    // 0.5: 2 wrong at 0.55; 0.4: 1 wrong at 0.45.
    const expected = (2 * 0.05 + 0.15 + 2 * 0.25 + 0.35 + 2 * 0.55 + 0.45) / 9;
    expect(report.expectedCalibrationError).toBeCloseTo(expected, 12);
  });

  it('counts a label the model never learnt as missed', () => {
    const withUnknown = computeEvaluation(['A', 'B'], ['A', 'Z'], ['A', 'A'], [0.9, 0.9]);
    expect(withUnknown.labels).toEqual(['A', 'B', 'Z']);
    expect(withUnknown.perClass.find((m) => m.label === 'Z')?.recall).toBe(0);
    expect(withUnknown.accuracy).toBe(0.5);
  });
});

describe('evaluateClassifier and formatEvaluationReport', () => {
  const alwaysA: LabelPredictor = { labels: ['A', 'B'], predict: () => [{ label: 'A', confidence: 0.8 }] };

  it('evaluates a predictor and prints every figure', () => {
    const report = evaluateClassifier(alwaysA, [
      { label: 'A', text: 'x' },
      { label: 'B', text: 'y' },
    ]);
    expect(report.accuracy).toBe(0.5);
    const text = formatEvaluationReport(report);
    expect(text).toContain('accuracy 50.0%');
    expect(text).toContain(`macro-F1 ${report.macroF1.toFixed(3)}`);
    expect(text).toContain('expected calibration error 0.300');
    expect(text).toMatch(/confusion matrix/);
    expect(text.split('\n').filter((line) => /^\s+\d+\s+[AB]/.test(line))).toHaveLength(2);
  });
});
