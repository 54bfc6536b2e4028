import type { NsfwScores } from './nsfw-models';

/**
 * When a photo goes to human review. A city-problem photo (a pothole, a pile of rubbish, a broken
 * lamp) scores `neutral` or `drawing` almost entirely; explicit content shows up as `porn` and `hentai`
 * together (the model splits photos and drawings of it between the two), suggestive content as `sexy`.
 * A flag only sends the report to a moderator, so the thresholds favour recall over precision but
 * stay high enough that a beach poster on a bus shelter or skin-coloured plaster does not trip them.
 */
export interface ModerationThresholds {
  /** porn + hentai at or above this → flagged */
  explicit: number;
  /** sexy at or above this → flagged */
  suggestive: number;
}

export const DEFAULT_MODERATION_THRESHOLDS: ModerationThresholds = {
  explicit: 0.6,
  suggestive: 0.85,
};

export function isFlagged(scores: NsfwScores, thresholds: ModerationThresholds = DEFAULT_MODERATION_THRESHOLDS): boolean {
  return scores.porn + scores.hentai >= thresholds.explicit || scores.sexy >= thresholds.suggestive;
}
