import { FACT_NAMES, FACTS, type FactName, type FactSpec } from './fact.registry';

/** A fact value after normalisation: codes, enums and text are strings, lists are string arrays. */
export type FactValue = string | number | readonly string[];

/** Position of each fact in a snapshot (arrays are read faster than objects keyed by a variable). */
export const FACT_INDEX: Readonly<Record<FactName, number>> = Object.fromEntries(
  FACT_NAMES.map((name, index) => [name, index]),
) as Record<FactName, number>;

const FACT_SPECS: readonly FactSpec[] = FACT_NAMES.map((name) => FACTS[name]);

/**
 * Reads the facts of one evaluation into an array indexed by FACT_INDEX, dropping what has the wrong
 * type so that no operator ever sees it: evaluation must not throw whatever the caller passes.
 * Text and words are lower-cased because rule words are (the rest of normalisation is the caller's).
 */
export function snapshotFacts(facts: unknown): (FactValue | undefined)[] {
  const record = typeof facts === 'object' && facts !== null ? (facts as Readonly<Record<string, unknown>>) : {};
  const values = new Array<FactValue | undefined>(FACT_SPECS.length);
  for (let i = 0; i < FACT_SPECS.length; i++) {
    const spec = FACT_SPECS[i];
    values[i] = readFact(spec, record[spec.name]);
  }
  return values;
}

function readFact(spec: FactSpec, raw: unknown): FactValue | undefined {
  switch (spec.kind) {
    case 'code':
    case 'enum':
      return typeof raw === 'string' && raw.length > 0 ? raw : undefined;
    case 'text':
      return typeof raw === 'string' ? raw.toLowerCase() : undefined;
    case 'codeList':
      return readStrings(raw, false);
    case 'wordList':
      return readStrings(raw, true);
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
  }
}

function readStrings(raw: unknown, lowerCase: boolean): readonly string[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const list: unknown[] = raw;
  const clean = list.every((item) => typeof item === 'string' && (!lowerCase || item === item.toLowerCase()));
  if (clean) return list as string[];
  const out: string[] = [];
  for (const item of list) if (typeof item === 'string') out.push(lowerCase ? item.toLowerCase() : item);
  return out;
}
