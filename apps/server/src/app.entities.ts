import { AuditEntry } from './modules/audit/entities/audit-entry.entity';
import { NumberSequence } from './core/database/entities/number-sequence.entity';
import { OutboxMessage } from './core/outbox/entities/outbox-message.entity';
import { LoginAttempt } from './modules/auth/entities/login-attempt.entity';
import { Category } from './modules/categories/entities/category.entity';
import { ClassificationRule } from './modules/classification/entities/classification-rule.entity';
import { ClassifierModelRecord } from './modules/classification/entities/classifier-model.entity';
import { TrainingExample } from './modules/classification/entities/training-example.entity';
import { WordRule } from './modules/filtering/entities/word-rule.entity';
import { Department } from './modules/departments/entities/department.entity';
import { ApiKey } from './modules/open311/entities/api-key.entity';
import { Open311Reporter } from './modules/open311/entities/open311-reporter.entity';
import { Open311Submission } from './modules/open311/entities/open311-submission.entity';
import { Photo } from './modules/photos/entities/photo.entity';
import { Region } from './modules/regions/entities/region.entity';
import { Report } from './modules/reports/entities/report.entity';
import { DefaultRoute } from './modules/routing/entities/default-route.entity';
import { RoutingRuleDraft } from './modules/routing/entities/routing-rule-draft.entity';
import { RoutingRuleRevision } from './modules/routing/entities/routing-rule-revision.entity';
import { StatsDaily } from './modules/stats/entities/stats-daily.entity';
import { StatsRollupState } from './modules/stats/entities/stats-rollup-state.entity';
import { SlaPolicy } from './modules/sla/entities/sla-policy.entity';
import { WorkCalendarDay } from './modules/sla/entities/work-calendar-day.entity';
import { TicketEvent } from './modules/tickets/entities/ticket-event.entity';
import { Ticket } from './modules/tickets/entities/ticket.entity';
import { User } from './modules/users/entities/user.entity';

/** Every entity of the schema: the data source, the migration generator and the drift check use this list. */
export const ALL_ENTITIES = [
  ApiKey,
  AuditEntry,
  Category,
  ClassificationRule,
  ClassifierModelRecord,
  DefaultRoute,
  Department,
  LoginAttempt,
  NumberSequence,
  Open311Reporter,
  Open311Submission,
  OutboxMessage,
  Photo,
  Region,
  Report,
  RoutingRuleDraft,
  RoutingRuleRevision,
  SlaPolicy,
  StatsDaily,
  StatsRollupState,
  Ticket,
  TicketEvent,
  TrainingExample,
  User,
  WordRule,
  WorkCalendarDay,
];
