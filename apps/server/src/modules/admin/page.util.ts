import type { Page } from '@ssp/contracts';

/** Keys a cursor may carry: codes and UUIDs, nothing that needs escaping. */
const KEY_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** Cursors are opaque to clients, so the ordering key behind them can change without a contract change. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

/** The key inside a cursor of ours, or null for anything else (the caller answers 400). */
export function decodeCursor(cursor: string): string | null {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  return KEY_PATTERN.test(key) && encodeCursor(key) === cursor ? key : null;
}

/**
 * One page from `limit + 1` rows read in key order: the extra row only tells whether another page
 * exists, so no COUNT query is needed.
 */
export function toPage<Row, View>(
  rows: readonly Row[],
  limit: number,
  keyOf: (row: Row) => string,
  view: (row: Row) => View,
): Page<View> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(view),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
