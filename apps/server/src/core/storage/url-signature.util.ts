import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed file links of the local driver: HMAC-SHA256 over the key and the expiry time. The signing key
 * is derived from the JWT secret rather than being the secret itself, so a leaked link signature can
 * never be replayed as a token signature (or the reverse).
 */
export function deriveUrlSigningKey(jwtSecret: string): Buffer {
  return createHmac('sha256', jwtSecret).update('suishoupai/signed-file-url/v1').digest();
}

export function signFileUrl(signingKey: Buffer, key: string, expiresAtSeconds: number): string {
  return createHmac('sha256', signingKey).update(`${key}\n${expiresAtSeconds}`).digest('hex');
}

export type FileUrlCheck = { valid: true; remainingSeconds: number } | { valid: false; reason: 'malformed' | 'signature' | 'expired' };

/** `expires` and `sig` as they came in the query string; anything malformed is simply invalid. */
export function verifyFileUrl(
  signingKey: Buffer,
  key: string,
  expires: string | undefined,
  signature: string | undefined,
  nowSeconds: number,
): FileUrlCheck {
  if (!expires || !/^\d{1,12}$/.test(expires) || !signature || !/^[0-9a-f]{64}$/.test(signature)) {
    return { valid: false, reason: 'malformed' };
  }
  const expiresAt = Number(expires);
  const expected = Buffer.from(signFileUrl(signingKey, key, expiresAt), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return { valid: false, reason: 'signature' };
  // Checked after the signature so a forged link learns nothing from the answer.
  if (expiresAt <= nowSeconds) return { valid: false, reason: 'expired' };
  return { valid: true, remainingSeconds: expiresAt - nowSeconds };
}
