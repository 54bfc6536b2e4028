export { complaintTerms, contentRuns } from './complaint-terms.util';
export { similarityUnits } from './similarity-units.util';
export { fingerprintSimilarity, textFingerprint, textSimilarity, type TextFingerprint } from './text-similarity.util';
