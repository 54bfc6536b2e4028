import type { RoutingRule, RuleSet } from '@ssp/rules';
import type { User } from '../users/entities/user.entity';
import type { AuditActorDto } from '../audit/dto/audit-entry.dto';
import type { RevisionSummaryDto } from './dto/routing-rules.dto';
import type { RoutingRuleRevision } from './entities/routing-rule-revision.entity';
import type { RevisionSummaryRow } from './routing-rules.repository';

/** Rules as stored: JSON text written only after validateRuleSet accepted it. */
export function parseStoredRules(json: string): RoutingRule[] {
  return JSON.parse(json) as RoutingRule[];
}

export function ruleSetOf(revision: Pick<RoutingRuleRevision, 'revision' | 'rules'> | null): RuleSet {
  return revision ? { version: revision.revision, rules: parseStoredRules(revision.rules) } : { version: 0, rules: [] };
}

export function actorOf(user: Pick<User, 'id' | 'username' | 'nickname'> | null | undefined): AuditActorDto | null {
  return user ? { id: user.id, username: user.username, nickname: user.nickname } : null;
}

export function toRevisionSummary(row: RevisionSummaryRow, liveRevision: number | null): RevisionSummaryDto {
  return {
    revision: row.revision,
    publishedAt: row.createdAt.toISOString(),
    author: actorOf(row.author),
    note: row.note,
    summary: row.diffSummary,
    added: row.addedCount,
    removed: row.removedCount,
    changed: row.changedCount,
    ruleCount: row.ruleCount,
    rolledBackFrom: row.rolledBackFrom,
    live: row.revision === liveRevision,
  };
}
