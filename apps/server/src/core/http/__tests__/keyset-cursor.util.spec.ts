import { decodeKeysetCursor, encodeKeysetCursor } from '../keyset-cursor.util';

describe('keyset cursors', () => {
  it('round-trip the ordering key, nulls included', () => {
    const key = [null, '01930000-0000-7000-8000-000000000000'];
    expect(decodeKeysetCursor(encodeKeysetCursor(key), 2)).toEqual(key);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['the wrong size', encodeKeysetCursor(['a'])],
    ['a non-string part', Buffer.from(JSON.stringify([1, 'a'])).toString('base64url')],
    ['an object', Buffer.from(JSON.stringify({ r: null, i: 'a' })).toString('base64url')],
    ['an over-long part', encodeKeysetCursor(['x'.repeat(65), 'a'])],
  ])('refuse %s', (_label, cursor) => {
    expect(decodeKeysetCursor(cursor, 2)).toBeNull();
  });
});
