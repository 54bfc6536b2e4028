import type { ModerationDecision, ModerationDecisionRequest } from '@ssp/contracts';

export const DECISION_REASON_MAX_CHARS = 500;

export interface DecisionValues {
  /** accept: the category the admin chose; null keeps the resident's choice or the classifier's. */
  categoryCode: string | null;
  /** reject: what the resident reads. */
  reason: string;
}

/** What stops the decision from being sent, as the message to show; null when it can go. */
export function decisionProblem(decision: ModerationDecision, values: DecisionValues): string | null {
  if (decision === 'reject' && values.reason.trim() === '') return '请填写驳回原因，市民会看到这段说明';
  return null;
}

/** Only the fields the decision takes. */
export function decisionRequestOf(decision: ModerationDecision, values: DecisionValues): ModerationDecisionRequest {
  if (decision === 'reject') return { decision, reason: values.reason.trim() };
  return values.categoryCode ? { decision, categoryCode: values.categoryCode } : { decision };
}
