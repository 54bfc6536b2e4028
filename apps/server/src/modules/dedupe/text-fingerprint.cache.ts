import { textFingerprint, type TextFingerprint } from '@ssp/text';

/** Enough for every open ticket near the reports of a busy day; each entry is a few KB. */
export const FINGERPRINT_CACHE_SIZE = 4096;

/**
 * Fingerprints of ticket descriptions, kept per ticket id and used only while the description is the one
 * they were made from (a fingerprint is a pure function of the text and the built-in corpus statistics).
 * The same open tickets are scored against every report near them: without this each of up to 50
 * candidates is tokenised and weighed again for every report. Least recently used entries leave first.
 */
export class TextFingerprintCache {
  private readonly entries = new Map<string, { text: string; fingerprint: TextFingerprint }>();

  constructor(private readonly capacity = FINGERPRINT_CACHE_SIZE) {}

  get size(): number {
    return this.entries.size;
  }

  of(ticketId: string, text: string): TextFingerprint {
    const entry = this.entries.get(ticketId);
    if (entry) this.entries.delete(ticketId);
    const fingerprint = entry && entry.text === text ? entry.fingerprint : textFingerprint(text);
    this.entries.set(ticketId, { text, fingerprint });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return fingerprint;
  }
}
