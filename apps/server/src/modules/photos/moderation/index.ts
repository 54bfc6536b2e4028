export { ImageModerationError, ImageModerationFailure } from './image-moderation.error';
export { IMAGE_MODERATION_OPTIONS, type ImageModerationOptions } from './image-moderation.options';
export { ImageModerationService, defaultModerationWorker, type ImageModerationResult } from './image-moderation.service';
export { DEFAULT_MODERATION_THRESHOLDS, isFlagged, type ModerationThresholds } from './moderation-thresholds.util';
export { NSFW_CLASSES, NSFW_MODELS, type NsfwClass, type NsfwModelName, type NsfwScores } from './nsfw-models';
