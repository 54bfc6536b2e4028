/** Formatting shared by the CSV and XLSX exports: pure, no I/O. */

/** Excel opens a CSV as UTF-8 (and shows Chinese) only when it starts with a byte order mark. */
export const UTF8_BOM = '\uFEFF';

export type ExportCell = string | number | null;

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading
 * apostrophe: residents write the descriptions, and a CSV export must not carry their formulas
 * (OWASP "CSV injection"). Numbers are numbers and stay as they are.
 */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV line (RFC 4180): quoted when it holds a comma, quote or line break; CRLF ends it. */
export function csvLine(cells: readonly ExportCell[]): string {
  return (
    cells
      .map((cell) => {
        if (cell === null) return '';
        const text = typeof cell === 'number' ? String(cell) : inertText(cell);
        return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      })
      .join(',') + '\r\n'
  );
}

/**
 * `attachment` with an ASCII fallback name and the real (Chinese) one in RFC 5987 `filename*`, which
 * every current browser prefers.
 */
export function attachmentDisposition(filename: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  const fallback = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** An instant as the city reads it: `2026-11-30 14:03:05` (Asia/Shanghai). */
export function cityDateTime(instant: Date | null): string | null {
  if (!instant) return null;
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A 0..1 share as a rounded number (4 places), or null. */
export function rounded(value: number | null, places = 4): number | null {
  if (value === null) return null;
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}
