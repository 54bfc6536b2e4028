import type { LabelledExample } from './classifier.types';

/** A malformed training file; `line` is 1-based in the original file. */
export class LabelledTextParseError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${source}:${line}: ${detail}`);
    this.name = 'LabelledTextParseError';
  }
}

type FileFormat = 'tsv' | 'csv';

/**
 * Reads `label<TAB>text` lines (TSV, an optional `label<TAB>text` header) or RFC-4180 CSV with a header
 * naming the `label` and `text` columns. Accepts a UTF-8 BOM, CRLF and blank lines; anything else that
 * does not fit throws a LabelledTextParseError naming the line.
 */
export function parseLabelledText(content: string, fileName?: string): LabelledExample[] {
  const source = fileName ?? 'input';
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  return detectFormat(text, fileName) === 'csv' ? parseCsv(text, source) : parseTsv(text, source);
}

function detectFormat(text: string, fileName: string | undefined): FileFormat {
  const lower = fileName?.toLowerCase() ?? '';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.tsv') || lower.endsWith('.txt')) return 'tsv';
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return !firstLine.includes('\t') && /^\s*"?label"?\s*,/i.test(firstLine) ? 'csv' : 'tsv';
}

function parseTsv(text: string, source: string): LabelledExample[] {
  const examples: LabelledExample[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const tab = line.indexOf('\t');
    if (tab < 0) throw new LabelledTextParseError(source, index + 1, 'expected "label<TAB>text" but found no tab');
    const label = line.slice(0, tab).trim();
    const body = line.slice(tab + 1).trim();
    if (examples.length === 0 && label.toLowerCase() === 'label' && body.toLowerCase() === 'text') return;
    examples.push(checkedExample(label, body, source, index + 1));
  });
  return examples;
}

function parseCsv(text: string, source: string): LabelledExample[] {
  const records = csvRecords(text, source).filter((record) => !(record.fields.length === 1 && record.fields[0].trim() === ''));
  const header = records.shift();
  if (!header) return [];
  const names = header.fields.map((field) => field.trim().toLowerCase());
  const labelColumn = names.indexOf('label');
  const textColumn = names.indexOf('text');
  if (labelColumn < 0 || textColumn < 0) {
    throw new LabelledTextParseError(source, header.line, 'the CSV header must name the columns "label" and "text"');
  }
  return records.map((record) => {
    if (record.fields.length !== names.length) {
      throw new LabelledTextParseError(source, record.line, `expected ${names.length} fields but found ${record.fields.length}`);
    }
    return checkedExample(record.fields[labelColumn].trim(), record.fields[textColumn].trim(), source, record.line);
  });
}

interface CsvRecord {
  line: number;
  fields: string[];
}

/** RFC 4180: fields separated by commas, optionally quoted; "" inside quotes is a quote; quoted newlines. */
function csvRecords(text: string, source: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let afterQuote = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === ',') {
      fields.push(field);
      field = '';
      afterQuote = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      afterQuote = false;
      line++;
      recordLine = line;
    } else if (char === '"' && field.trim() === '' && !afterQuote) {
      quoted = true;
      field = '';
    } else if (afterQuote) {
      throw new LabelledTextParseError(source, line, 'unexpected character after a closing quote');
    } else {
      field += char;
    }
  }
  if (quoted) throw new LabelledTextParseError(source, recordLine, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
}

function checkedExample(label: string, text: string, source: string, line: number): LabelledExample {
  if (label === '') throw new LabelledTextParseError(source, line, 'the label is empty');
  if (text === '') throw new LabelledTextParseError(source, line, 'the text is empty');
  return { label, text };
}
