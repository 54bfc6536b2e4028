import { decodeCursor, encodeCursor, toPage } from '../page.util';

describe('cursors', () => {
  it.each(['CGJ-320102', '01930000-0000-7000-8000-000000000000', 'a.b_c'])('round-trips the key %s', (key) => {
    expect(decodeCursor(encodeCursor(key))).toBe(key);
  });

  it.each([
    ['text that is not base64url', '%%%'],
    ['a key with spaces', Buffer.from('a b').toString('base64url')],
    ['a key with quotes', Buffer.from("x' OR 1=1").toString('base64url')],
    ['a key longer than 64 characters', Buffer.from('x'.repeat(65)).toString('base64url')],
    ['padding we never write', `${encodeCursor('CGJ')}==`],
    ['nothing', ''],
  ])('refuses %s', (_label, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});

describe('toPage', () => {
  const rows = ['a', 'b', 'c'].map((key) => ({ key }));
  const view = (row: { key: string }) => row.key.toUpperCase();

  it('cuts to the limit and points the cursor at the last row shown when more rows exist', () => {
    const page = toPage(rows, 2, (row) => row.key, view);
    expect(page.items).toEqual(['A', 'B']);
    expect(page.nextCursor).not.toBeNull();
    expect(decodeCursor(page.nextCursor ?? '')).toBe('b');
  });

  it('has no next page when the extra row is missing', () => {
    expect(toPage(rows, 3, (row) => row.key, view)).toEqual({ items: ['A', 'B', 'C'], nextCursor: null });
    expect(toPage([], 3, (row: { key: string }) => row.key, view)).toEqual({ items: [], nextCursor: null });
  });
});
