import type {
  CoordSystemName,
  CreateReportRequest,
  CreateReportResponse,
  LocateResult,
  Page,
  RatingRequest,
  ReportDetail,
  ReportListItem,
} from '@ssp/contracts';
import { compactQuery, idPath } from './query';
import { apiRequest } from './request';

/** 201 for a new report; 200 with the first answer when `clientRequestId` was seen before. */
export function createReport(body: CreateReportRequest): Promise<CreateReportResponse> {
  return apiRequest<CreateReportResponse>({ method: 'POST', path: '/api/v1/reports', data: body });
}

export function fetchMyReports(cursor: string | null): Promise<Page<ReportListItem>> {
  return apiRequest<Page<ReportListItem>>({ path: '/api/v1/reports/mine', data: compactQuery({ cursor }) });
}

export function fetchReport(id: string): Promise<ReportDetail> {
  return apiRequest<ReportDetail>({ path: idPath('/api/v1/reports', id) });
}

/** Rate the result; with `reopen` (a comment required) the work is sent back to the department. */
export function rateReport(id: string, body: RatingRequest): Promise<ReportDetail> {
  return apiRequest<ReportDetail>({ method: 'POST', path: idPath('/api/v1/reports', id, '/rating'), data: body });
}

/** Which district a point lies in, and whether the city serves it (public). */
export function locatePoint(lat: number, lng: number, coordSystem: CoordSystemName): Promise<LocateResult> {
  return apiRequest<LocateResult>({ path: '/api/v1/regions/locate', data: compactQuery({ lat, lng, coordSystem }) });
}
