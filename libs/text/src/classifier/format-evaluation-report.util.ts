import type { EvaluationReport } from './classifier.types';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const fixed = (value: number) => value.toFixed(3);

/** Display width in a terminal: CJK and other wide characters take two columns. */
function width(text: string): number {
  let columns = 0;
  for (const char of text) columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return columns;
}

const padEnd = (text: string, columns: number) => text + ' '.repeat(Math.max(0, columns - width(text)));
const padStart = (text: string, columns: number) => ' '.repeat(Math.max(0, columns - width(text))) + text;

/** A plain-text report: headline figures, per-class table and the confusion matrix (rows = actual). */
export function formatEvaluationReport(report: EvaluationReport): string {
  const labelWidth = Math.max(5, ...report.labels.map(width));
  const lines = [
    `examples ${report.total}   accuracy ${percent(report.accuracy)}   macro-F1 ${fixed(report.macroF1)}   weighted-F1 ${fixed(report.weightedF1)}`,
    `expected calibration error ${fixed(report.expectedCalibrationError)} (mean top confidence ${percent(report.meanConfidence)})`,
    '',
    `${padEnd('label', labelWidth)}  precision  recall     F1  support`,
    ...report.perClass.map(
      (metrics) =>
        `${padEnd(metrics.label, labelWidth)}  ${padStart(fixed(metrics.precision), 9)}  ${padStart(fixed(metrics.recall), 6)}  ${padStart(fixed(metrics.f1), 5)}  ${padStart(String(metrics.support), 7)}`,
    ),
    '',
    'confusion matrix (rows = actual, columns = predicted, numbered as the rows)',
  ];
  const cell = Math.max(3, ...report.confusion.flat().map((count) => String(count).length)) + 1;
  lines.push(`${padEnd('', labelWidth + 5)}${report.labels.map((_, index) => padStart(String(index + 1), cell)).join('')}`);
  report.confusion.forEach((row, index) => {
    lines.push(`${padStart(String(index + 1), 3)}  ${padEnd(report.labels[index], labelWidth)}${row.map((count) => padStart(count === 0 ? '.' : String(count), cell)).join('')}`);
  });
  return lines.join('\n');
}
