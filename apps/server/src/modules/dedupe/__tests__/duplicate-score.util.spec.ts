import {
  DUPLICATE_THRESHOLD,
  DUPLICATE_WEIGHTS,
  GPS_MARGIN_METRES,
  bestPhotoDistance,
  scoreDuplicate,
  type DuplicateScoreInput,
} from '../duplicate-score.util';

/** A second report of the same lamp: 12 m away, a re-taken photo, reworded, a day after the first. */
const SAME_PROBLEM: DuplicateScoreInput = {
  distanceMetres: 12,
  radiusMetres: 30,
  category: 'same',
  photoDistance: 8,
  textSimilarity: 0.35,
  ageDays: 1,
  windowDays: 7,
};

describe('scoreDuplicate', () => {
  it('weights sum to 1, so the score stays within [0, 1]', () => {
    expect(Object.values(DUPLICATE_WEIGHTS).reduce((sum, w) => sum + w, 0)).toBeCloseTo(1, 12);
    expect(scoreDuplicate({ ...SAME_PROBLEM, distanceMetres: 0, photoDistance: 0, textSimilarity: 1, ageDays: 0 }).score).toBeCloseTo(1, 12);
  });

  it('merges a second report of the same problem', () => {
    const result = scoreDuplicate(SAME_PROBLEM);
    expect(result.duplicate).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(result.parts).toMatchObject({ category: 1, photo: 1 });
    expect(result.parts.distance).toBeGreaterThan(0.8);
  });

  it('does not merge the same kind of problem across the street when the photos show another scene', () => {
    expect(scoreDuplicate({ ...SAME_PROBLEM, distanceMetres: 40, photoDistance: 27, textSimilarity: 0.5 }).duplicate).toBe(false);
  });

  it('does not merge another problem at the same spot when the photos differ, even in the same category', () => {
    expect(scoreDuplicate({ ...SAME_PROBLEM, distanceMetres: 3, photoDistance: 24, textSimilarity: 0.15 }).duplicate).toBe(false);
  });

  it('merges without photos only when position, category and wording all agree', () => {
    const noPhoto = { ...SAME_PROBLEM, photoDistance: null };
    expect(scoreDuplicate({ ...noPhoto, distanceMetres: 5, textSimilarity: 0.5 }).duplicate).toBe(true);
    expect(scoreDuplicate({ ...noPhoto, distanceMetres: 5, textSimilarity: 0.15 }).duplicate).toBe(false);
    expect(scoreDuplicate({ ...noPhoto, distanceMetres: 5, textSimilarity: 0.5, category: 'parent' }).duplicate).toBe(false);
    expect(scoreDuplicate({ ...noPhoto, distanceMetres: 5, textSimilarity: 0.5 }).parts.photo).toBeNull();
  });

  it('never merges unrelated categories, old tickets or far positions, whatever the evidence', () => {
    const perfect = { ...SAME_PROBLEM, distanceMetres: 0, photoDistance: 0, textSimilarity: 1, ageDays: 0 };
    expect(scoreDuplicate({ ...perfect, category: 'unrelated' }).duplicate).toBe(false);
    expect(scoreDuplicate({ ...perfect, ageDays: 7.01 }).duplicate).toBe(false);
    expect(scoreDuplicate({ ...perfect, distanceMetres: 30 + GPS_MARGIN_METRES + 1 }).duplicate).toBe(false);
  });

  it('can still merge just beyond the radius (GPS error) on a matching photo', () => {
    expect(scoreDuplicate({ ...SAME_PROBLEM, distanceMetres: 36, photoDistance: 4, textSimilarity: 0.4 }).duplicate).toBe(true);
  });

  it('scores closer, fresher, more alike candidates higher', () => {
    const base = scoreDuplicate({ ...SAME_PROBLEM, distanceMetres: 20, photoDistance: 15, textSimilarity: 0.2, ageDays: 3 }).score;
    expect(scoreDuplicate({ ...SAME_PROBLEM, distanceMetres: 10, photoDistance: 15, textSimilarity: 0.2, ageDays: 3 }).score).toBeGreaterThan(base);
    expect(scoreDuplicate({ ...SAME_PROBLEM, distanceMetres: 20, photoDistance: 12, textSimilarity: 0.2, ageDays: 3 }).score).toBeGreaterThan(base);
    expect(scoreDuplicate({ ...SAME_PROBLEM, distanceMetres: 20, photoDistance: 15, textSimilarity: 0.3, ageDays: 3 }).score).toBeGreaterThan(base);
    expect(scoreDuplicate({ ...SAME_PROBLEM, distanceMetres: 20, photoDistance: 15, textSimilarity: 0.2, ageDays: 1 }).score).toBeGreaterThan(base);
    expect(scoreDuplicate({ ...SAME_PROBLEM, distanceMetres: 20, photoDistance: 15, textSimilarity: 0.2, ageDays: 3, category: 'parent' }).score).toBeLessThan(base);
  });

  it('scales the distance part with the category radius', () => {
    const lamp = scoreDuplicate({ ...SAME_PROBLEM, distanceMetres: 40, radiusMetres: 30 });
    const river = scoreDuplicate({ ...SAME_PROBLEM, distanceMetres: 40, radiusMetres: 200 });
    expect(river.parts.distance).toBeGreaterThan(0.8);
    expect(lamp.parts.distance).toBeLessThan(0.3);
  });
});

describe('bestPhotoDistance', () => {
  it('is the smallest Hamming distance over all pairs of photos', () => {
    expect(bestPhotoDistance(['ffffffffffffffff', '0000000000000000'], ['000000000000000f', 'f0f0f0f0f0f0f0f0'])).toBe(4);
  });

  it('is null when either side has no photo', () => {
    expect(bestPhotoDistance([], ['0000000000000000'])).toBeNull();
    expect(bestPhotoDistance(['0000000000000000'], [])).toBeNull();
  });
});
