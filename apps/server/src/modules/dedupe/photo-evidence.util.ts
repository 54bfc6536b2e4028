import { hammingDistance, isInformativeHash } from '../photos/photo-hash.util';
import { photoProbe, photoSimilarity, photoTarget, type PhotoProbe } from '../photos/photo-similarity.util';

/** What duplicate detection knows of a photo: its dHash and, for photos stored since it exists, its fingerprint. */
export interface ComparablePhoto {
  readonly phash: string;
  readonly fingerprint: string | null;
}

/**
 * Photos stored before fingerprints existed are compared by dHash alone, which only recognises a copy
 * of the same file (re-encoded or resized: 0–5 bits); a re-taken photo differs by 5–30 bits like another
 * scene, so anything beyond a copy is no evidence either way rather than evidence against.
 */
const COPY_BITS = 6;
const COPY_SIMILARITY = 1;

/** The best similarity between any photo of the report and any photo of a ticket; null when no pair can be compared. */
export type PhotoEvidence = (ticketPhotos: readonly ComparablePhoto[]) => number | null;

/**
 * Prepares the report's photos once (each fingerprint cut into windows, photo-similarity.util.ts) and
 * returns the comparison with a ticket's photos, so 50 candidates cost 50 cheap comparisons.
 */
export function photoEvidenceOf(reportPhotos: readonly ComparablePhoto[]): PhotoEvidence {
  const probes: Array<{ phash: string; probe: PhotoProbe | null }> = reportPhotos.map((photo) => ({
    phash: photo.phash,
    probe: photo.fingerprint === null ? null : photoProbe(photo.fingerprint),
  }));
  return (ticketPhotos) => {
    let best: number | null = null;
    for (const photo of ticketPhotos) {
      const target = photo.fingerprint === null ? null : photoTarget(photo.fingerprint);
      for (const { phash, probe } of probes) {
        const similarity = probe && target ? photoSimilarity(probe, target) : copySimilarity(phash, photo.phash);
        if (similarity !== null && (best === null || similarity > best)) best = similarity;
      }
    }
    return best;
  };
}

function copySimilarity(a: string, b: string): number | null {
  if (!isInformativeHash(a) || !isInformativeHash(b)) return null;
  return hammingDistance(a, b) < COPY_BITS ? COPY_SIMILARITY : null;
}
