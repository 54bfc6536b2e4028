import type { PhotoView } from './photos';
import type { Reason, ReportLocation, ReportOutcome } from './reports';

/**
 * The named checks of the intake pipeline (ARCHITECTURE.md §6), in the order they run. Each returns
 * pass, reject(reason) or review(reason), and every result is recorded on the report.
 */
export const INTAKE_CHECKS = [
  'service_area',
  'text_rules',
  'spam',
  'repeated_text',
  'photo_reuse',
  'photo_quality',
  'image_moderation',
  'classify',
  'dedupe',
  'route',
] as const;
export type IntakeCheckName = (typeof INTAKE_CHECKS)[number];

export type IntakeVerdict = 'pass' | 'reject' | 'review';

export interface IntakeCheckRecord {
  check: IntakeCheckName;
  verdict: IntakeVerdict;
  /** Why, for reject/review (and for notable passes such as a low-confidence classification). */
  reason?: Reason;
}

/**
 * Reason codes a resident (or an admin) may see on a report, with the message shown. The server owns
 * the wording; the client shows `message` and may use `code` for an icon or a hint of what to do.
 */
export const INTAKE_REASON_CODES = [
  'OUT_OF_AREA',
  'NEEDS_TRIAGE',
  'LOW_CONFIDENCE',
  'BLOCKED_WORDS',
  'REVIEW_WORDS',
  'SPAM_LINK',
  'SPAM_AD',
  'GIBBERISH',
  'EMPTY_TEXT',
  'REPEATED_TEXT',
  'PHOTO_REUSED',
  'PHOTO_UNUSABLE',
  'PHOTO_FLAGGED',
  'IMAGE_CHECK_SKIPPED',
  'MERGED',
  'MODERATION_REJECTED',
  'MODERATION_ACCEPTED',
] as const;
export type IntakeReasonCode = (typeof INTAKE_REASON_CODES)[number];

export interface CategorySuggestion {
  code: string;
  name: string;
  /** The 大类 the suggestion belongs to. */
  parentName: string | null;
  /** Calibrated probability in [0, 1]. */
  confidence: number;
}

/** A report held for review, as the moderation queue shows it to admins. */
export interface ModerationItem {
  id: string;
  reportNo: string;
  description: string;
  outcome: ReportOutcome;
  reasons: Reason[];
  checks: IntakeCheckRecord[];
  createdAt: string;
  location: ReportLocation;
  regionName: string | null;
  reporterNickname: string | null;
  chosenCategory: { code: string; name: string } | null;
  suggestedCategory: { code: string; name: string } | null;
  photos: PhotoView[];
  /** Set once decided. */
  decision: { decision: ModerationDecision; reason: string | null; decidedAt: string } | null;
}

export type ModerationDecision = 'accept' | 'reject';

export interface ModerationDecisionRequest {
  decision: ModerationDecision;
  /** Required for reject: the resident reads it. */
  reason?: string;
  /** accept: the category to use (else the resident's choice or the classifier's). */
  categoryCode?: string;
}

export const WORD_RULE_LEVELS = ['block', 'review', 'mask', 'allow'] as const;
export type WordRuleLevel = (typeof WORD_RULE_LEVELS)[number];
export const WORD_RULE_CATEGORIES = ['abuse', 'porn', 'ad', 'threat', 'privacy', 'other'] as const;
export type WordRuleCategory = (typeof WORD_RULE_CATEGORIES)[number];
export const WORD_RULE_MATCH_MODES = ['substring', 'word'] as const;
export type WordRuleMatchMode = (typeof WORD_RULE_MATCH_MODES)[number];

export const WORD_RULE_LEVEL_LABELS: Record<WordRuleLevel, string> = {
  block: '拦截',
  review: '转人工审核',
  mask: '打码显示',
  allow: '白名单',
};

export const WORD_RULE_CATEGORY_LABELS: Record<WordRuleCategory, string> = {
  abuse: '辱骂',
  porn: '色情',
  ad: '广告',
  threat: '威胁',
  privacy: '隐私',
  other: '其他',
};

export interface WordRuleInput {
  pattern: string;
  level: WordRuleLevel;
  category: WordRuleCategory;
  matchMode?: WordRuleMatchMode;
  enabled?: boolean;
  note?: string | null;
}

export interface WordRuleView extends Required<WordRuleInput> {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** An admin's keyword → category rule: it overrides the classifier when the text contains the keyword. */
export interface ClassificationRuleInput {
  keyword: string;
  categoryCode: string;
  enabled?: boolean;
}

export interface ClassificationRuleView {
  id: string;
  keyword: string;
  category: { code: string; name: string };
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export const INTAKE_LIMITS = {
  /** Longest text the live category suggestion accepts. */
  suggestTextMaxChars: 500,
  deviceIdMaxChars: 64,
} as const;
