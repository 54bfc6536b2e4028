import { DUPLICATE_THRESHOLD, GPS_MARGIN_METRES, scoreDuplicate, type DuplicateScoreInput } from '../duplicate-score.util';

/** A second report of the same lamp: 12 m away, a re-taken photo of the scene, reworded, a day after the first. */
const SAME_PROBLEM: DuplicateScoreInput = {
  distanceMetres: 12,
  radiusMetres: 30,
  category: 'same',
  photoSimilarity: 0.85,
  textSimilarity: 0.2,
  ageDays: 1,
  windowDays: 7,
};

describe('scoreDuplicate', () => {
  it('is a probability: within (0, 1), near 1 for a copy of the photo at the same spot', () => {
    const copy = scoreDuplicate({ ...SAME_PROBLEM, distanceMetres: 0, photoSimilarity: 1, textSimilarity: 1, ageDays: 0 });
    expect(copy.score).toBeGreaterThan(0.95);
    expect(copy.score).toBeLessThan(1);
    expect(scoreDuplicate({ ...SAME_PROBLEM, photoSimilarity: 0, textSimilarity: 0, category: 'parent' }).score).toBeGreaterThan(0);
  });

  it('merges a second report of the same problem with a re-taken photo, even in other words', () => {
    const result = scoreDuplicate({ ...SAME_PROBLEM, textSimilarity: 0 });
    expect(result.duplicate).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(result.parts).toMatchObject({ category: 1, photo: 1, text: 0 });
    expect(result.parts.distance).toBeGreaterThan(0.8);
  });

  it('does not merge the same kind of problem nearby when the photos show another scene, whatever the words', () => {
    expect(scoreDuplicate({ ...SAME_PROBLEM, distanceMetres: 40, photoSimilarity: 0.45, textSimilarity: 0.5 }).duplicate).toBe(false);
    expect(scoreDuplicate({ ...SAME_PROBLEM, distanceMetres: 3, photoSimilarity: 0.5, textSimilarity: 1 }).duplicate).toBe(false);
  });

  it('merges without photos only when the same 小类 is very close and the wording agrees', () => {
    const noPhoto = { ...SAME_PROBLEM, photoSimilarity: null };
    expect(scoreDuplicate({ ...noPhoto, distanceMetres: 5, textSimilarity: 0.5 }).duplicate).toBe(true);
    expect(scoreDuplicate({ ...noPhoto, distanceMetres: 30, textSimilarity: 0.5 }).duplicate).toBe(false);
    expect(scoreDuplicate({ ...noPhoto, distanceMetres: 5, textSimilarity: 0.5, category: 'parent' }).duplicate).toBe(false);
    expect(scoreDuplicate({ ...noPhoto, distanceMetres: 5, textSimilarity: 0.1 }).duplicate).toBe(false);
    expect(scoreDuplicate({ ...noPhoto, distanceMetres: 5, textSimilarity: 0.5 }).parts.photo).toBeNull();
  });

  it('never merges unrelated categories, old tickets or far positions, whatever the evidence', () => {
    const perfect = { ...SAME_PROBLEM, distanceMetres: 0, photoSimilarity: 1, textSimilarity: 1, ageDays: 0 };
    expect(scoreDuplicate(perfect).duplicate).toBe(true);
    expect(scoreDuplicate({ ...perfect, category: 'unrelated' }).duplicate).toBe(false);
    expect(scoreDuplicate({ ...perfect, ageDays: 7.01 }).duplicate).toBe(false);
    expect(scoreDuplicate({ ...perfect, distanceMetres: 30 + GPS_MARGIN_METRES + 1 }).duplicate).toBe(false);
  });

  it('can still merge just beyond the radius (GPS error) on a matching photo', () => {
    expect(scoreDuplicate({ ...SAME_PROBLEM, distanceMetres: 40, photoSimilarity: 0.9, textSimilarity: 0.1 }).duplicate).toBe(true);
  });

  it('scores closer, fresher, more alike candidates higher', () => {
    const at = (fields: Partial<DuplicateScoreInput>) => scoreDuplicate({ ...SAME_PROBLEM, distanceMetres: 20, photoSimilarity: 0.6, textSimilarity: 0.2, ageDays: 3, ...fields }).score;
    const base = at({});
    expect(at({ distanceMetres: 10 })).toBeGreaterThan(base);
    expect(at({ photoSimilarity: 0.7 })).toBeGreaterThan(base);
    expect(at({ textSimilarity: 0.3 })).toBeGreaterThan(base);
    expect(at({ ageDays: 1 })).toBeGreaterThan(base);
    expect(at({ category: 'parent' })).toBeLessThan(base);
    expect(at({ photoSimilarity: null, textSimilarity: 0.3 })).toBeGreaterThan(at({ photoSimilarity: null }));
  });

  it('reads the distance as GPS error, whatever the category radius: one spot up to 15 m, not from 35 m', () => {
    for (const radiusMetres of [30, 200]) {
      expect(scoreDuplicate({ ...SAME_PROBLEM, radiusMetres, distanceMetres: 15 }).parts.distance).toBe(1);
      expect(scoreDuplicate({ ...SAME_PROBLEM, radiusMetres, distanceMetres: 25 }).parts.distance).toBeCloseTo(0.5, 10);
      expect(scoreDuplicate({ ...SAME_PROBLEM, radiusMetres, distanceMetres: 35 }).parts.distance).toBe(0);
    }
  });

  it('lets a category with a large radius (a building site) merge far candidates on a matching photo, not on words alone', () => {
    const site = { ...SAME_PROBLEM, radiusMetres: 150, distanceMetres: 100, textSimilarity: 0.6 };
    expect(scoreDuplicate({ ...site, photoSimilarity: 0.9 }).duplicate).toBe(true);
    expect(scoreDuplicate({ ...site, photoSimilarity: null }).duplicate).toBe(false);
  });
});
