import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, REPORT_LIMITS, TICKET_STATUSES, type TicketStatus } from '@ssp/contracts';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { DomainError } from '../../core/errors/domain.error';
import { TextFilterService } from '../filtering/text-filter.service';
import { ReportsService } from '../reports/reports.service';
import type { Ticket } from '../tickets/entities/ticket.entity';
import { apiKeyHash } from './admin-api-keys.service';
import { Open311Repository } from './open311.repository';
import { Open311QueryError, resolveRequestsQuery, TICKET_NO_PATTERN, w3cDateTime, type Open311Status, type RequestsQuery } from './open311-query.util';
import { toServiceDefinition, toServiceEntry, toServiceRequestEntry, type ServiceEntry, type ServiceRequestEntry, open311StatusOf } from './open311-views.util';
import { checkAttributeAnswers, describeAnswers } from './service-attributes.util';
import { readServiceRequestForm, type FormFields } from './service-request-form.util';
import type { SparkValue } from './spark-xml.util';

export const GEOREPORT_V2_SPEC = 'http://wiki.open311.org/GeoReport_v2';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** What a client gets back from `POST /requests`: an id, or a token while a moderator looks at it. */
export type CreatedRequestEntry =
  | { service_request_id: string; service_notice: string | null; account_id: null }
  | { token: string; service_notice: string | null; account_id: null };

function invalid(message: string, problems?: string[]): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, message, problems ? { problems } : undefined);
}

/**
 * A caller's stored identity: an HMAC keyed with a server secret, so a leaked table cannot be checked
 * against known e-mail addresses or device ids.
 */
function pseudonym(secret: string, ...parts: string[]): string {
  return createHmac('sha256', secret).update(`open311-caller\u0000${parts.join('\u0000')}`, 'utf8').digest('base64url');
}

const STATUSES_BY_OPEN311: Record<Open311Status, TicketStatus[]> = {
  open: TICKET_STATUSES.filter((status) => open311StatusOf(status) === 'open'),
  closed: TICKET_STATUSES.filter((status) => open311StatusOf(status) === 'closed'),
};

/**
 * Open311 GeoReport v2 over our categories (services) and tickets (service requests). Submissions go
 * through the app's own intake pipeline (ReportsService.create) as a resident account per API key and
 * pseudonymous subject; public reads show only what the public views show.
 */
@Injectable()
export class Open311Service {
  constructor(
    private readonly repository: Open311Repository,
    private readonly reports: ReportsService,
    private readonly textFilter: TextFilterService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async discovery(endpointUrl: string): Promise<{ [key: string]: SparkValue }> {
    const changed = await this.repository.servicesChangedAt();
    const changeset = changed ? w3cDateTime(changed) : '1970-01-01T08:00:00+08:00';
    return {
      changeset,
      contact: '随手拍城市管理服务平台（城市管理指挥中心）',
      key_service: '提交服务请求需要 API 密钥：请联系城市管理指挥中心，由管理员签发（/api/v1/admin/api-keys）',
      endpoints: [
        {
          specification: GEOREPORT_V2_SPEC,
          url: endpointUrl,
          changeset,
          type: this.config.env === 'production' ? 'production' : 'test',
          formats: ['text/xml', 'application/json'],
        },
      ],
    };
  }

  async services(): Promise<ServiceEntry[]> {
    return (await this.repository.serviceCategories()).map(toServiceEntry);
  }

  async definition(code: string): Promise<{ [key: string]: SparkValue }> {
    const [service] = await this.repository.serviceCategories(code);
    if (!service) throw new DomainError(ErrorCode.NOT_FOUND, `未知的 service_code：${code.slice(0, 40)}`);
    return toServiceDefinition(service.code, service.serviceAttributes ?? []);
  }

  async create(fields: FormFields, now = new Date()): Promise<CreatedRequestEntry[]> {
    const read = readServiceRequestForm(fields);
    if ('problems' in read) throw invalid(read.problems[0], read.problems);
    const form = read.ok;
    if (!form.apiKey) throw new DomainError(ErrorCode.FORBIDDEN, '缺少 api_key，无法提交服务请求');
    const key = await this.repository.keyByHash(apiKeyHash(form.apiKey));
    if (!key || key.revokedAt) throw new DomainError(ErrorCode.FORBIDDEN, 'api_key 无效或已停用，无法提交服务请求');
    if (!form.serviceCode) throw invalid('缺少 service_code');
    const [service] = await this.repository.serviceCategories(form.serviceCode);
    if (!service) throw new DomainError(ErrorCode.NOT_FOUND, `未知的 service_code：${form.serviceCode.slice(0, 40)}`);
    if (key.serviceCodes && !key.serviceCodes.includes(service.code)) {
      throw new DomainError(ErrorCode.FORBIDDEN, `该 api_key 无权提交“${service.name}”（${service.code}）类问题`);
    }
    if (!form.location) {
      throw invalid(form.addressString ? '暂不支持仅凭地址定位，请同时提供 lat 和 long（WGS-84 经纬度）' : '请提供问题位置：lat 和 long（WGS-84 经纬度）');
    }
    if (!form.description || form.description.length < 2) throw invalid('请在 description 中简单描述一下问题');
    const definition = service.serviceAttributes ?? [];
    const answers = checkAttributeAnswers(definition, form.attributes);
    if ('problems' in answers) throw invalid(answers.problems[0], answers.problems);

    // Staff read the address and the answers on the ticket, and the text filters see them too.
    const answered = describeAnswers(definition, answers.ok);
    const description = [form.description, form.addressString ? `（地址：${form.addressString}）` : '', answered ? `【${answered}】` : ''].join('');
    if (description.length > REPORT_LIMITS.descriptionMaxChars) {
      throw invalid(`描述、地址与附加信息合计不能超过 ${REPORT_LIMITS.descriptionMaxChars} 字`);
    }
    // "Last used" is the last accepted attempt; recorded before the pipeline, so it never fails a created report.
    await this.repository.touchKey(key.id, now);
    const reporter = await this.repository.reporterFor(key.id, form.subject ? pseudonym(this.config.auth.jwtSecret, key.id, form.subject) : '', `Open311·${key.name}`.slice(0, 64));
    const token = randomBytes(32).toString('base64url');
    const result = await this.reports.create(
      { id: reporter.id, role: 'resident', departmentId: null },
      {
        clientRequestId: randomBytes(16).toString('base64url'),
        description,
        location: { lat: form.location.lat, lng: form.location.lng, coordSystem: 'wgs84' },
        photoIds: [],
        categoryCode: service.code,
        ...(form.deviceId ? { deviceId: pseudonym(this.config.auth.jwtSecret, key.id, 'device', form.deviceId).slice(0, 43) } : {}),
      },
      now,
      (manager, report) =>
        this.repository.insertSubmission(manager, {
          reportId: report.id,
          apiKeyId: key.id,
          token,
          mediaUrl: form.mediaUrl,
          addressString: form.addressString,
          attributes: Object.keys(answers.ok).length > 0 ? answers.ok : null,
        }),
    );
    const { outcome, reasons, ticket } = result.body;
    switch (outcome) {
      case 'rejected':
        throw invalid(`不予受理：${reasons.map((entry) => entry.message).join('；')}`, reasons.map((entry) => `不予受理：${entry.message}`));
      case 'review':
        return [{ token, service_notice: '该问题需人工审核，请稍后用 token 查询受理编号', account_id: null }];
      case 'accepted':
      case 'merged': {
        if (!ticket) throw new Error(`report ${result.body.id} was ${outcome} without a ticket`);
        const notice =
          outcome === 'merged'
            ? reasons.map((entry) => entry.message).join('；')
            : ticket.department
              ? `已派单至${ticket.department.name}${ticket.resolveBy ? `，预计 ${w3cDateTime(new Date(ticket.resolveBy))} 前处理` : ''}`
              : '已受理，等待分拨';
        return [{ service_request_id: ticket.ticketNo, service_notice: notice, account_id: null }];
      }
      default: {
        const never: never = outcome;
        throw new Error(`unknown outcome ${String(never)}`);
      }
    }
  }

  async token(token: string): Promise<Array<{ service_request_id: string | null; token: string }>> {
    const found = TOKEN_PATTERN.test(token) ? await this.repository.submissionByToken(token) : null;
    if (!found) throw new DomainError(ErrorCode.NOT_FOUND, '未找到该 token');
    if (found.report.outcome === 'rejected') {
      const why = found.report.reasons.map((entry) => entry.message).join('；');
      throw new DomainError(ErrorCode.NOT_FOUND, why ? `该上报未通过审核：${why}` : '该上报未通过审核');
    }
    return [{ service_request_id: found.ticketNo, token }];
  }

  async list(query: RequestsQuery, now = new Date()): Promise<ServiceRequestEntry[]> {
    let resolved;
    try {
      resolved = resolveRequestsQuery(query, now);
    } catch (error) {
      if (error instanceof Open311QueryError) throw invalid(error.message);
      throw error;
    }
    if (resolved.kind === 'ids') return this.entries(await this.repository.ticketsByNo(resolved.ticketNos));
    if (resolved.serviceCodes) {
      const known = new Set((await this.repository.serviceCategories()).map((service) => service.code));
      const unknown = resolved.serviceCodes.find((code) => !known.has(code));
      if (unknown !== undefined) throw invalid(`未知的 service_code：${unknown}`);
    }
    const rows = await this.repository.searchTickets({
      serviceCodes: resolved.serviceCodes,
      statuses: resolved.statuses ? resolved.statuses.flatMap((status) => STATUSES_BY_OPEN311[status]) : null,
      from: resolved.from,
      to: resolved.to,
      offset: (resolved.page - 1) * resolved.pageSize,
      limit: resolved.pageSize,
    });
    return this.entries(rows);
  }

  async request(id: string): Promise<ServiceRequestEntry[]> {
    const rows = TICKET_NO_PATTERN.test(id) ? await this.repository.ticketsByNo([id]) : [];
    if (rows.length === 0) throw new DomainError(ErrorCode.NOT_FOUND, `未找到服务请求 ${id.slice(0, 40)}`);
    return this.entries(rows);
  }

  /** Public entries: text masked as in every public view, the point rounded, no reporter data at all. */
  private async entries(tickets: Ticket[]): Promise<ServiceRequestEntry[]> {
    if (tickets.length === 0) return [];
    const ids = tickets.map((ticket) => ticket.id);
    const [media, merged, regions] = await Promise.all([
      this.repository.mediaUrls(ids),
      this.repository.ticketNosById(tickets.flatMap((ticket) => (ticket.mergedIntoId ? [ticket.mergedIntoId] : []))),
      this.repository.regionNames(),
    ]);
    return Promise.all(
      tickets.map(async (ticket) => {
        const district = ticket.regionCode ? regions.names.get(ticket.regionCode) : undefined;
        return toServiceRequestEntry({
          ticketNo: ticket.ticketNo,
          status: ticket.status,
          categoryCode: ticket.category?.code ?? null,
          categoryName: ticket.category?.name ?? null,
          departmentName: ticket.department?.name ?? null,
          publicDescription: await this.textFilter.publicText(ticket.description),
          publicReply: ticket.resolutionReply ? await this.textFilter.publicText(ticket.resolutionReply) : null,
          mergedIntoNo: ticket.mergedIntoId ? (merged.get(ticket.mergedIntoId) ?? null) : null,
          lat: ticket.lat,
          lng: ticket.lng,
          address: [district, regions.city].filter((part): part is string => Boolean(part)).join(', ') || null,
          createdAt: ticket.createdAt,
          updatedAt: ticket.updatedAt,
          resolveBy: ticket.resolveBy,
          mediaUrl: media.get(ticket.id) ?? null,
          serviceNotice: null,
        });
      }),
    );
  }
}
