export { ApiError, ClientErrorCode, retryAfterSeconds, toApiError } from './api-error';
export { apiRequest, type ApiRequest, type HttpMethod } from './request';
export { apiUpload, type ApiUpload } from './upload';
export { apiDownload, type DownloadedFile } from './download';
export { fetchCategories, suggestCategories } from './categories.api';
export { fetchMe, loginAsTrialResident, loginWithPassword, loginWithWechat } from './auth.api';
export { uploadPhoto } from './photos.api';
export { createReport, fetchMyReports, fetchReport, locatePoint, rateReport } from './reports.api';
export { actOnTicket, fetchDepartments, fetchTicket, fetchTickets } from './tickets.api';
export { decideReport, fetchModerationQueue } from './moderation.api';
export { fetchNearbyTickets, fetchRegionOutlines, fetchStats, type NearbyQuery } from './open-data.api';
export { createWordRule, deleteWordRule, fetchWordRules, updateWordRule, type WordRuleFilters } from './word-rules.api';
export {
  createClassificationRule,
  deleteClassificationRule,
  fetchClassificationRules,
  updateClassificationRule,
} from './classification-rules.api';
export {
  fetchRegions,
  fetchRoutingRevision,
  fetchRoutingRevisions,
  fetchRoutingRules,
  fetchSlaPolicies,
  publishRoutingRules,
  rollbackRoutingRules,
  saveRoutingRules,
  simulateRouting,
} from './routing-rules.api';
