import { fingerprintOf, sceneOf } from '../../photos/__tests__/synthetic-fingerprint';
import { photoEvidenceOf, type ComparablePhoto } from '../photo-evidence.util';

const scene = sceneOf(21);
const first: ComparablePhoto = { phash: '3c3e1f0f0f8f8fc7', fingerprint: fingerprintOf(scene) };
const retaken: ComparablePhoto = { phash: '1c3e1f2f0f8f0fc7', fingerprint: fingerprintOf(scene, { zoom: 0.88, cy: 0.46 }) };
const other: ComparablePhoto = { phash: 'c3c1e0f0f0707038', fingerprint: fingerprintOf(sceneOf(22)) };

describe('photoEvidenceOf', () => {
  it('is the best similarity over every pair of photos', () => {
    const evidence = photoEvidenceOf([other, retaken]);
    const best = evidence([first]);
    expect(best).toBeGreaterThan(0.8);
    expect(evidence([other])).toBeGreaterThan(0.98);
    expect(photoEvidenceOf([other])([first])).toBeLessThan(0.6);
  });

  it('is null when a side has no photo', () => {
    expect(photoEvidenceOf([])([first])).toBeNull();
    expect(photoEvidenceOf([first])([])).toBeNull();
  });

  it('without a fingerprint, counts a dHash copy as the same photo and anything else as no evidence', () => {
    const legacy = (photo: ComparablePhoto): ComparablePhoto => ({ phash: photo.phash, fingerprint: null });
    expect(photoEvidenceOf([first])([legacy({ ...first, phash: '3c3e1f0f0f8f8fc6' })])).toBe(1);
    expect(photoEvidenceOf([first])([legacy(other)])).toBeNull();
    expect(photoEvidenceOf([first])([{ phash: '0000000000000000', fingerprint: null }])).toBeNull();
  });
});
