export { normaliseForSimilarity, similarityUnits } from './similarity-units.util';
export { fingerprintSimilarity, textFingerprint, textSimilarity, type TextFingerprint } from './text-similarity.util';
