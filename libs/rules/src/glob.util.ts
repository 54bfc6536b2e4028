/**
 * Code patterns with `*` for any run of characters (`JM-*`, `3201*`), matched against the whole code.
 * No regular expressions: patterns come from admins, and a `*`-only glob is matched in linear time by
 * finding its literal pieces in order, so no pattern can make evaluation slow.
 */
export type GlobMatcher = (value: string) => boolean;

export function compileGlob(pattern: string): GlobMatcher {
  const pieces = pattern.split('*');
  if (pieces.length === 1) return (value) => value === pattern;
  const head = pieces[0];
  const tail = pieces[pieces.length - 1];
  const middle = pieces.slice(1, -1).filter((piece) => piece.length > 0);
  const minLength = head.length + tail.length;
  return (value) => {
    if (value.length < minLength || !value.startsWith(head) || !value.endsWith(tail)) return false;
    let at = head.length;
    const end = value.length - tail.length;
    for (const piece of middle) {
      const found = value.indexOf(piece, at);
      if (found < 0 || found + piece.length > end) return false;
      at = found + piece.length;
    }
    return true;
  };
}
