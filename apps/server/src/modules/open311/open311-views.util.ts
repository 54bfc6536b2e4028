import type { ServiceAttribute, TicketStatus } from '@ssp/contracts';
import { gcj02ToWgs84 } from '@ssp/geo';
import { assertNever } from '../../core/errors/error-status.util';
import { w3cDateTime, type Open311Status } from './open311-query.util';
import type { SparkValue } from './spark-xml.util';

/** GeoReport v2 response entries (field names and order as the specification lists them). */
export interface ServiceEntry {
  [key: string]: SparkValue;
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export interface ServiceRequestEntry {
  [key: string]: SparkValue;
  service_request_id: string;
  status: Open311Status;
  status_notes: string | null;
  service_name: string | null;
  service_code: string | null;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: null;
  zipcode: null;
  lat: number;
  long: number;
  media_url: string | null;
}

export interface ServiceCategoryRow {
  code: string;
  name: string;
  description: string;
  keywords: string[];
  parentName: string;
  serviceAttributes: ServiceAttribute[] | null;
}

export function toServiceEntry(category: ServiceCategoryRow): ServiceEntry {
  return {
    service_code: category.code,
    service_name: category.name,
    description: category.description,
    metadata: (category.serviceAttributes?.length ?? 0) > 0,
    type: 'realtime',
    keywords: category.keywords.join(', '),
    group: category.parentName,
  };
}

export function toServiceDefinition(code: string, attributes: readonly ServiceAttribute[]): { [key: string]: SparkValue } {
  return {
    service_code: code,
    attributes: attributes.map((attribute) => ({
      variable: attribute.variable,
      code: attribute.code,
      datatype: attribute.datatype,
      required: attribute.required,
      datatype_description: attribute.datatypeDescription,
      order: attribute.order,
      description: attribute.description,
      ...(attribute.values ? { values: attribute.values.map((value) => ({ key: value.key, name: value.name })) } : {}),
    })),
  };
}

/** open: reported and being handled; closed: resolved, closed, not accepted or merged into another. */
export function open311StatusOf(status: TicketStatus): Open311Status {
  switch (status) {
    case 'pending_triage':
    case 'dispatched':
    case 'in_progress':
      return 'open';
    case 'resolved':
    case 'closed':
    case 'rejected':
    case 'merged':
      return 'closed';
    default:
      return assertNever(status);
  }
}

export function statusNotesOf(status: TicketStatus, reply: string | null, mergedIntoNo: string | null): string {
  switch (status) {
    case 'pending_triage':
      return '已受理，等待分拨';
    case 'dispatched':
      return '已派单，等待责任单位签收';
    case 'in_progress':
      return '责任单位已签收，正在处理';
    case 'resolved':
      return reply ? `已办结：${reply}` : '已办结';
    case 'closed':
      return reply ? `已结案：${reply}` : '已结案';
    case 'rejected':
      return '不予受理';
    case 'merged':
      return mergedIntoNo ? `与工单 ${mergedIntoNo} 为同一问题，已合并` : '与其他工单为同一问题，已合并';
    default:
      return assertNever(status);
  }
}

/** About 100 m: the public sees where a problem is, never the exact spot a resident stood. */
const PUBLIC_DECIMALS = 3;

export function publicPoint(gcj: { lat: number; lng: number }): { lat: number; long: number } {
  const wgs = gcj02ToWgs84(gcj);
  const round = (value: number) => Number(value.toFixed(PUBLIC_DECIMALS));
  return { lat: round(wgs.lat), long: round(wgs.lng) };
}

export interface PublicTicketRow {
  ticketNo: string;
  status: TicketStatus;
  categoryCode: string | null;
  categoryName: string | null;
  departmentName: string | null;
  /** Already masked for the public (TextFilterService.publicText). */
  publicDescription: string;
  publicReply: string | null;
  mergedIntoNo: string | null;
  lat: number;
  lng: number;
  /** District and city, the address the public may see. */
  address: string | null;
  createdAt: Date;
  updatedAt: Date;
  resolveBy: Date | null;
  mediaUrl: string | null;
  serviceNotice: string | null;
}

export function toServiceRequestEntry(row: PublicTicketRow): ServiceRequestEntry {
  const status = open311StatusOf(row.status);
  return {
    service_request_id: row.ticketNo,
    status,
    status_notes: statusNotesOf(row.status, row.publicReply, row.mergedIntoNo),
    service_name: row.categoryName,
    service_code: row.categoryCode,
    description: row.publicDescription,
    agency_responsible: row.departmentName,
    service_notice: row.serviceNotice,
    requested_datetime: w3cDateTime(row.createdAt),
    updated_datetime: w3cDateTime(row.updatedAt),
    expected_datetime: status === 'open' && row.resolveBy ? w3cDateTime(row.resolveBy) : null,
    address: row.address,
    address_id: null,
    zipcode: null,
    ...publicPoint({ lat: row.lat, lng: row.lng }),
    media_url: row.mediaUrl,
  };
}
