import type {
  Page,
  PublishRoutingRulesRequest,
  PutRoutingRulesRequest,
  RegionOption,
  RoutingRevisionDetail,
  RoutingRevisionSummary,
  RoutingRulesDraft,
  RoutingSimulation,
  SimulateRoutingRequest,
  SlaPolicyOption,
} from '@ssp/contracts';
import { compactQuery } from './query';
import { apiRequest } from './request';

const BASE = '/api/v1/admin/routing-rules';

/** The draft rule set with its version, the live revision and what publishing would change. */
export function fetchRoutingRules(): Promise<RoutingRulesDraft> {
  return apiRequest<RoutingRulesDraft>({ path: BASE });
}

/** 400 with `details.errors` (path + Chinese message) for a broken set; 409 when `version` is stale. */
export function saveRoutingRules(body: PutRoutingRulesRequest): Promise<RoutingRulesDraft> {
  return apiRequest<RoutingRulesDraft>({ method: 'PUT', path: BASE, data: body });
}

/** 422 when the draft equals the live revision; 409 when `version` is stale. */
export function publishRoutingRules(body: PublishRoutingRulesRequest): Promise<RoutingRevisionDetail> {
  return apiRequest<RoutingRevisionDetail>({ method: 'POST', path: `${BASE}/publish`, data: body });
}

export function simulateRouting(body: SimulateRoutingRequest): Promise<RoutingSimulation> {
  return apiRequest<RoutingSimulation>({ method: 'POST', path: `${BASE}/simulate`, data: body });
}

export function fetchRoutingRevisions(cursor: string | null): Promise<Page<RoutingRevisionSummary>> {
  return apiRequest<Page<RoutingRevisionSummary>>({ path: `${BASE}/revisions`, data: compactQuery({ cursor }) });
}

export function fetchRoutingRevision(revision: number): Promise<RoutingRevisionDetail> {
  return apiRequest<RoutingRevisionDetail>({ path: `${BASE}/revisions/${revision}` });
}

/** Publishes a copy of `revision` and resets the draft to it; `version` is the draft version seen. */
export function rollbackRoutingRules(revision: number, body: PublishRoutingRulesRequest): Promise<RoutingRevisionDetail> {
  return apiRequest<RoutingRevisionDetail>({ method: 'POST', path: `${BASE}/revisions/${revision}/rollback`, data: body });
}

export function fetchSlaPolicies(): Promise<SlaPolicyOption[]> {
  return apiRequest<SlaPolicyOption[]>({ path: '/api/v1/admin/sla-policies' });
}

/** Cities, districts and streets with their bounding boxes. */
export function fetchRegions(): Promise<RegionOption[]> {
  return apiRequest<RegionOption[]>({ path: '/api/v1/admin/regions' });
}
