import type { CoordSystemName } from './geo';
import type { RoutingRule, RulePriority, RuleSetDiff, RuleTraceEntry, RuleValidationError } from '@ssp/rules';

/** Who wrote a draft or published a revision; null means the system (seed, rollback of the seed). */
export interface RoutingRuleActor {
  id: string;
  username: string | null;
  nickname: string;
}

export interface UnpublishedChanges {
  /** true when the draft equals the live revision (nothing to publish). */
  identical: boolean;
  /** `新增 1 条、删除 0 条、修改 2 条规则` */
  summary: string;
}

/** GET/PUT /api/v1/admin/routing-rules */
export interface RoutingRulesDraft {
  version: number;
  rules: RoutingRule[];
  updatedAt: string;
  updatedBy: RoutingRuleActor | null;
  /** The revision dispatch uses now; null before the first publish. */
  liveRevision: number | null;
  unpublished: UnpublishedChanges;
}

/** PUT body: the whole rule set and the draft version the edit started from (409 when stale). */
export interface PutRoutingRulesRequest {
  version: number;
  rules: RoutingRule[];
}

/** The `details` of a 400 to a PUT: every problem with its path (`rules[3].when.all[0].value`). */
export interface RoutingRulesValidationDetails {
  errors: RuleValidationError[];
}

/** The `details` of a 409 to a PUT, publish or rollback. */
export interface RoutingRulesConflictDetails {
  currentVersion: number;
}

/** POST …/publish and POST …/revisions/:n/rollback */
export interface PublishRoutingRulesRequest {
  version: number;
  note?: string;
}

export interface RoutingRevisionSummary {
  revision: number;
  publishedAt: string;
  author: RoutingRuleActor | null;
  note: string | null;
  /** Against the previous revision. */
  summary: string;
  added: number;
  removed: number;
  changed: number;
  ruleCount: number;
  /** Set for a rollback: the revision whose rules were republished. */
  rolledBackFrom: number | null;
  live: boolean;
}

export interface RoutingRevisionDetail extends RoutingRevisionSummary {
  rules: RoutingRule[];
  diff: RuleSetDiff;
}

export type RoutingRuleSetSource = 'draft' | 'live';

/** POST …/simulate: a sample report, evaluated without writing anything. */
export interface SimulateRoutingRequest {
  description: string;
  location: { lat: number; lng: number; coordSystem: CoordSystemName };
  categoryCode?: string;
  rules?: RoutingRuleSetSource;
  /** ISO 8601; default now. */
  at?: string;
}

export interface RoutingCodeName {
  code: string;
  name: string;
}

export interface SimulatedClassification extends RoutingCodeName {
  confidence: number;
  source: 'resident' | 'keyword_rule' | 'model';
  /** false: below the confidence threshold, the report would go without a category. */
  accepted: boolean;
}

export type RoutedBy = 'rule' | 'default_table' | 'triage';

export interface RoutingSimulation {
  category: RoutingCodeName | null;
  classification: SimulatedClassification | null;
  region: RoutingCodeName | null;
  inServiceArea: boolean;
  /** null: manual triage (人工分拨). */
  department: RoutingCodeName | null;
  slaPolicy: RoutingCodeName | null;
  priority: RulePriority;
  routedBy: RoutedBy;
  matchedRule: { id: string; name: string; order: number } | null;
  ruleSet: { source: RoutingRuleSetSource; version: number | null };
  trace: readonly RuleTraceEntry[];
  explanation: string;
  steps: string[];
  at: string;
}

/** GET /api/v1/admin/sla-policies, as far as the rule editor reads it. */
export interface SlaPolicyOption {
  code: string;
  name: string;
}

export type RegionLevel = 'city' | 'district' | 'street';

/** GET /api/v1/admin/regions, as far as the rule editor and the simulator read it. */
export interface RegionOption {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  /** [minLng, minLat, maxLng, maxLat], GCJ-02. */
  bbox: [number, number, number, number];
}
