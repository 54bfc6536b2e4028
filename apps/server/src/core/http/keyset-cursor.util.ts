/**
 * Opaque cursors for keyset paging: the ordering key of the last row (e.g. deadline and id) as a
 * base64url JSON array, so the key can change without a contract change.
 */
export function encodeKeysetCursor(key: ReadonlyArray<string | null>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key inside a cursor of ours with `size` parts, or null for anything else (the caller answers 400). */
export function decodeKeysetCursor(cursor: string, size: number): Array<string | null> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== size) return null;
    return value.every((part) => part === null || (typeof part === 'string' && part.length <= 64))
      ? (value as Array<string | null>)
      : null;
  } catch {
    return null;
  }
}
