import { photoProbe, photoSimilarity, photoTarget } from '../photo-similarity.util';
import { fingerprintOf, sceneOf } from './synthetic-fingerprint';

const similarity = (probe: string, target: string): number => {
  const p = photoProbe(probe);
  const t = photoTarget(target);
  if (!p || !t) throw new Error('not comparable');
  return photoSimilarity(p, t);
};

describe('photoSimilarity', () => {
  const scene = sceneOf(7);
  const first = fingerprintOf(scene);

  it('scores the same photo about 1', () => {
    expect(similarity(first, first)).toBeGreaterThan(0.98);
  });

  it('recognises a re-taken photo: zoomed in or out by 10–15 %, shifted, brighter or darker', () => {
    const retaken = [
      fingerprintOf(scene, { zoom: 0.88, cx: 0.54, cy: 0.47, brightness: 1.2 }),
      fingerprintOf(scene, { zoom: 0.9, cx: 0.45, cy: 0.55, brightness: 0.8 }),
      fingerprintOf(scene, { zoom: 1.12, cx: 0.52, cy: 0.5 }),
    ];
    for (const photo of retaken) {
      expect(similarity(photo, first)).toBeGreaterThan(0.8);
      expect(similarity(first, photo)).toBeGreaterThan(0.8);
    }
  });

  it('keeps other scenes well below a re-taken photo', () => {
    const retaken = similarity(fingerprintOf(scene, { zoom: 0.9, cx: 0.53 }), first);
    for (const seed of [1, 2, 3, 4, 5]) {
      const other = similarity(fingerprintOf(sceneOf(100 + seed), { zoom: 0.9, cx: 0.53 }), first);
      expect(other).toBeLessThan(0.6);
      expect(other).toBeLessThan(retaken - 0.3);
    }
  });

  it('gives no evidence for a flat image or a text that is not a fingerprint', () => {
    const flat = fingerprintOf(() => 128);
    expect(photoProbe(flat)).toBeNull();
    expect(photoTarget(flat)).toBeNull();
    expect(photoProbe('not a fingerprint')).toBeNull();
    expect(photoTarget(Buffer.alloc(100).toString('base64'))).toBeNull();
  });
});
