/**
 * Storage keys are made by the server (`photos/2026/05/<uuid>.jpg`), never taken from a caller as they
 * are. The whitelist keeps them safe as file paths and URL paths alike: no `..`, no absolute paths, no
 * hidden files, no backslashes or percent signs that could decode into something else.
 */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const MAX_STORAGE_KEY_LENGTH = 200;

export function isValidStorageKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_STORAGE_KEY_LENGTH) return false;
  return key.split('/').every((segment) => SEGMENT.test(segment) && !segment.includes('..'));
}

export function assertValidStorageKey(key: string): void {
  if (!isValidStorageKey(key)) throw new Error(`invalid storage key: ${JSON.stringify(key.slice(0, 80))}`);
}
