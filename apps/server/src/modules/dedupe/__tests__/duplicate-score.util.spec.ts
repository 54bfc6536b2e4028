import { DUPLICATE_THRESHOLDS, GPS_MARGIN_METRES, scoreDuplicate, type DuplicateScoreInput } from '../duplicate-score.util';

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
    expect(result.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLDS.withPhotos);
    expect(result.parts).toMatchObject({ category: 1, photo: 1, text: 0 });
    expect(result.parts.distance).toBeGreaterThan(0.8);
  });

  it('does not merge the same kind of problem nearby when the photos show another scene, whatever the words', () => {
    expect(scoreDuplicate({ ...SAME_PROBLEM, distanceMetres: 40, photoSimilarity: 0.45, textSimilarity: 0.5 }).duplicate).toBe(false);
    expect(scoreDuplicate({ ...SAME_PROBLEM, distanceMetres: 3, photoSimilarity: 0.5, textSimilarity: 1 }).duplicate).toBe(false);
  });

  it('merges without photos only when the report is within GPS error, in the ticket’s 小类 or close to it, and the wording agrees', () => {
    const noPhoto = { ...SAME_PROBLEM, photoSimilarity: null, textSimilarity: 0.5 };
    expect(scoreDuplicate({ ...noPhoto, distanceMetres: 5 }).duplicate).toBe(true);
    expect(scoreDuplicate({ ...noPhoto, distanceMetres: 25 }).duplicate).toBe(true);
    // the next lamp down the street reads alike: beyond about 30 m the same words are not enough
    expect(scoreDuplicate({ ...noPhoto, distanceMetres: 33 }).duplicate).toBe(false);
    // filed under a neighbouring 小类 or none: the words must agree closer by
    for (const category of ['parent', 'unknown'] as const) {
      expect(scoreDuplicate({ ...noPhoto, category, distanceMetres: 10 }).duplicate).toBe(true);
      expect(scoreDuplicate({ ...noPhoto, category, distanceMetres: 25 }).duplicate).toBe(false);
    }
    expect(scoreDuplicate({ ...noPhoto, distanceMetres: 5, textSimilarity: 0.1 }).duplicate).toBe(false);
    expect(scoreDuplicate({ ...noPhoto, distanceMetres: 5 }).parts.photo).toBeNull();
  });

  it('lets the wording say "the same problem" without more shared words counting as more evidence', () => {
    // two reports of one lamp and reports of two lamps read equally alike; only position tells them apart
    const noPhoto = { ...SAME_PROBLEM, photoSimilarity: null, distanceMetres: 20 };
    expect(scoreDuplicate({ ...noPhoto, textSimilarity: 0.3 }).score).toBe(scoreDuplicate({ ...noPhoto, textSimilarity: 0.9 }).score);
    expect(scoreDuplicate({ ...noPhoto, textSimilarity: 0.15 }).score).toBeLessThan(scoreDuplicate({ ...noPhoto, textSimilarity: 0.3 }).score);
  });

  it('decides each kind of pair at its own threshold', () => {
    const cases: DuplicateScoreInput[] = [];
    for (const photoSimilarity of [null, 0.4, 0.6, 0.7, 0.9]) {
      for (const distanceMetres of [5, 15, 22, 28, 34]) {
        for (const textSimilarity of [0, 0.15, 0.2, 0.5]) cases.push({ ...SAME_PROBLEM, photoSimilarity, distanceMetres, textSimilarity });
      }
    }
    let belowOneThreshold = 0;
    for (const input of cases) {
      const result = scoreDuplicate(input);
      const threshold = input.photoSimilarity === null ? DUPLICATE_THRESHOLDS.withoutPhotos : DUPLICATE_THRESHOLDS.withPhotos;
      expect(result.duplicate).toBe(result.score >= threshold);
      if (result.duplicate && result.score < Math.max(DUPLICATE_THRESHOLDS.withPhotos, DUPLICATE_THRESHOLDS.withoutPhotos)) belowOneThreshold++;
    }
    // the thresholds differ, and some pairs merge only because theirs is the lower one
    expect(DUPLICATE_THRESHOLDS.withoutPhotos).not.toBe(DUPLICATE_THRESHOLDS.withPhotos);
    expect(belowOneThreshold).toBeGreaterThan(0);
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
