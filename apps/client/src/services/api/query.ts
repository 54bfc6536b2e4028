/** Query parameters without the unset ones: Taro would send `undefined` and `null` as text. */
type QueryValue = string | number | boolean | null | undefined;

export function compactQuery(params: Record<string, QueryValue>): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query[key] = String(value);
  }
  return query;
}

export function idPath(prefix: string, id: string, suffix = ''): string {
  return `${prefix}/${encodeURIComponent(id)}${suffix}`;
}
