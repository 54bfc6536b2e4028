import ExcelJS from 'exceljs';
import { PassThrough, Readable, type Writable } from 'node:stream';
import type { ExportColumn } from './export-columns';
import { UTF8_BOM, csvLine } from './export-format.util';

/** Pages of rows as they come from the database. */
export type RowPages<T> = AsyncIterable<readonly T[]>;

/**
 * A CSV (UTF-8 with BOM, Chinese headers) produced as it is read: the next page is fetched only when
 * the client has taken the previous one (Readable.from pulls the generator on demand).
 */
export function csvStream<T>(columns: ReadonlyArray<ExportColumn<T>>, pages: RowPages<T>): Readable {
  async function* lines(): AsyncGenerator<string> {
    yield UTF8_BOM + csvLine(columns.map((column) => column.header));
    for await (const page of pages) yield page.map((row) => csvLine(columns.map((column) => column.value(row)))).join('');
  }
  return Readable.from(lines(), { objectMode: false });
}

/** Resolves when the stream wants more, or when it is gone (the client went away). */
function roomIn(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/**
 * An XLSX of one sheet through exceljs' streaming WorkbookWriter: each row is committed (written out)
 * as it is added, and after each page the writer waits until the client took what was written, so
 * memory holds about one page. A failure mid-way ends the download with an error, never a short file
 * that looks complete.
 */
export function xlsxStream<T>(
  sheetName: string,
  columns: ReadonlyArray<ExportColumn<T>>,
  pages: RowPages<T>,
  onError: (error: unknown) => void,
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width,
    ...(column.numFmt ? { style: { numFmt: column.numFmt } } : {}),
  }));
  const produce = async () => {
    for await (const page of pages) {
      if (out.destroyed) return;
      for (const row of page) sheet.addRow(columns.map((column) => column.value(row))).commit();
      await roomIn(out);
    }
    sheet.commit();
    await workbook.commit();
  };
  produce().catch((error: unknown) => {
    onError(error);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}
