import { FACT_NAMES, FACTS, type FactSpec } from './fact.registry';
import type { FactValue } from './fact-snapshot.util';
import { cutText, describeSeen } from './describe.util';

const SPECS: readonly FactSpec[] = FACT_NAMES.map((name) => FACTS[name]);

/**
 * The fact snapshot of one evaluation while its trace is built, with the trace forms of each fact
 * computed on first use and then shared by every condition that reads the same fact.
 */
export class EvaluationContext {
  private readonly shown: (string | undefined)[] = new Array<string | undefined>(SPECS.length);
  private readonly traced: (FactValue | null | undefined)[] = new Array<FactValue | null | undefined>(SPECS.length);

  constructor(readonly values: readonly (FactValue | undefined)[]) {}

  /** The fact as the explanation shows it: `GY-01`, `22:00`, `「井盖没了…」`, `未知`. */
  shownValue(index: number): string {
    let shown = this.shown[index];
    if (shown === undefined) {
      shown = describeSeen(SPECS[index], this.values[index]);
      this.shown[index] = shown;
    }
    return shown;
  }

  /** The fact as the trace data holds it (text cut short), or null when missing. */
  tracedValue(index: number): FactValue | null {
    let traced = this.traced[index];
    if (traced === undefined) {
      const value = this.values[index];
      traced = value === undefined ? null : typeof value === 'string' && SPECS[index].kind === 'text' ? cutText(value) : value;
      this.traced[index] = traced;
    }
    return traced;
  }
}
