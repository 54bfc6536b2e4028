import { DEFAULT_MODERATION_THRESHOLDS, isFlagged } from '../moderation-thresholds.util';
import type { NsfwScores } from '../nsfw-models';

const scores = (partial: Partial<NsfwScores>): NsfwScores => {
  const named = { drawing: 0, hentai: 0, porn: 0, sexy: 0, ...partial };
  const rest = 1 - named.drawing - named.hentai - named.porn - named.sexy;
  return { ...named, neutral: partial.neutral ?? rest };
};

describe('moderation thresholds', () => {
  it('passes everyday street photos and drawings', () => {
    expect(isFlagged(scores({ neutral: 0.97, drawing: 0.02 }))).toBe(false);
    expect(isFlagged(scores({ drawing: 0.9, hentai: 0.05 }))).toBe(false);
    // a poster with a swimsuit model on a bus shelter: suggestive, but below the bar
    expect(isFlagged(scores({ sexy: 0.7, porn: 0.1 }))).toBe(false);
  });

  it('flags explicit content when porn and hentai together reach 0.6, split either way', () => {
    expect(isFlagged(scores({ porn: 0.6 }))).toBe(true);
    expect(isFlagged(scores({ hentai: 0.6 }))).toBe(true);
    expect(isFlagged(scores({ porn: 0.36, hentai: 0.25 }))).toBe(true);
    expect(isFlagged(scores({ porn: 0.35, hentai: 0.24 }))).toBe(false);
  });

  it('flags strongly suggestive content at sexy ≥ 0.85 only', () => {
    expect(isFlagged(scores({ sexy: 0.85 }))).toBe(true);
    expect(isFlagged(scores({ sexy: 0.84 }))).toBe(false);
  });

  it('uses the thresholds it is given', () => {
    const strict = { explicit: 0.3, suggestive: 0.5 };
    expect(isFlagged(scores({ porn: 0.3 }), strict)).toBe(true);
    expect(isFlagged(scores({ sexy: 0.5 }), strict)).toBe(true);
    expect(isFlagged(scores({ porn: 0.3 }), DEFAULT_MODERATION_THRESHOLDS)).toBe(false);
  });
});
