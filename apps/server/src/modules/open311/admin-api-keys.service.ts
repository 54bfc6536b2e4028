import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ErrorCode, type ApiKeyView, type CreatedApiKey, type Page } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { DomainError, NotFoundError } from '../../core/errors/domain.error';
import { PAGE_LIMIT } from '../admin/dto/page-query.dto';
import { decodeCursor, toPage } from '../admin/page.util';
import { AuditService } from '../audit/audit.service';
import type { AuditSnapshot } from '../audit/entities/audit-entry.entity';
import { ApiKeysRepository } from './api-keys.repository';
import type { ApiKeyQueryDto, CreateApiKeyDto, UpdateApiKeyDto } from './dto/api-key.dto';
import type { ApiKey } from './entities/api-key.entity';

const ENTITY = 'api_key';
const KEY_PREFIX_CHARS = 12;

/** The stored form of a secret: its sha256 (the secret has 256 random bits, so no slow hash is needed). */
export function apiKeyHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function toView(key: ApiKey): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    keyPrefix: key.keyPrefix,
    serviceCodes: key.serviceCodes,
    active: key.revokedAt === null,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  };
}

/** What the audit trail keeps: never the hash. */
function snapshotOf(key: ApiKey): AuditSnapshot {
  return { name: key.name, keyPrefix: key.keyPrefix, serviceCodes: key.serviceCodes, revokedAt: key.revokedAt?.toISOString() ?? null };
}

/** Admins issue, scope and revoke the keys Open311 clients submit with (every change audited). */
@Injectable()
export class AdminApiKeysService {
  constructor(
    private readonly repository: ApiKeysRepository,
    private readonly audit: AuditService,
  ) {}

  async list(query: ApiKeyQueryDto): Promise<Page<ApiKeyView>> {
    const limit = query.limit ?? PAGE_LIMIT.default;
    const beforeId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (beforeId === null) throw new DomainError(ErrorCode.VALIDATION_FAILED, '分页游标无效');
    return toPage(await this.repository.page(beforeId, limit + 1), limit, (row) => row.id, toView);
  }

  async get(id: string): Promise<ApiKeyView> {
    const key = await this.repository.findById(id);
    if (!key) throw new NotFoundError('API 密钥');
    return toView(key);
  }

  async create(actor: AuthUser, body: CreateApiKeyDto): Promise<CreatedApiKey> {
    const serviceCodes = await this.checkedServiceCodes(body.serviceCodes);
    const secret = `ssp_${randomBytes(32).toString('base64url')}`;
    const created = await this.repository.transaction(async (manager) => {
      const key = await this.repository.insert(manager, {
        name: body.name.trim(),
        keyPrefix: secret.slice(0, KEY_PREFIX_CHARS),
        keyHash: apiKeyHash(secret),
        serviceCodes,
        createdById: actor.id,
      });
      await this.audit.record(manager, actor.id, 'create', ENTITY, key.id, null, snapshotOf(key));
      return key;
    });
    return { ...toView(created), apiKey: secret };
  }

  async update(actor: AuthUser, id: string, body: UpdateApiKeyDto): Promise<ApiKeyView> {
    const serviceCodes = body.serviceCodes === undefined ? undefined : await this.checkedServiceCodes(body.serviceCodes);
    const updated = await this.repository.transaction(async (manager) => {
      const current = await this.repository.lock(manager, id);
      if (!current) throw new NotFoundError('API 密钥');
      if (current.revokedAt) throw new DomainError(ErrorCode.BUSINESS_RULE, '该密钥已停用，不能再修改');
      const changed = await this.repository.update(manager, id, {
        ...(body.name !== undefined ? { name: body.name.trim() } : {}),
        ...(serviceCodes !== undefined ? { serviceCodes } : {}),
      });
      await this.audit.record(manager, actor.id, 'update', ENTITY, id, snapshotOf(current), snapshotOf(changed));
      return changed;
    });
    return toView(updated);
  }

  /** Revoking keeps the row (reports refer to it, the trail names it); the key stops working at once. */
  async revoke(actor: AuthUser, id: string, now = new Date()): Promise<void> {
    await this.repository.transaction(async (manager) => {
      const current = await this.repository.lock(manager, id);
      if (!current) throw new NotFoundError('API 密钥');
      if (current.revokedAt) return;
      const revoked = await this.repository.update(manager, id, { revokedAt: now });
      await this.audit.record(manager, actor.id, 'update', ENTITY, id, snapshotOf(current), snapshotOf(revoked));
    });
  }

  private async checkedServiceCodes(codes: string[] | null | undefined): Promise<string[] | null> {
    if (codes === undefined || codes === null) return null;
    if (codes.length === 0) throw new DomainError(ErrorCode.VALIDATION_FAILED, '请至少选择一个问题类型，或不限制（null）', { field: 'serviceCodes' });
    const known = await this.repository.serviceCodesAmong(codes);
    const unknown = codes.filter((code) => !known.has(code));
    if (unknown.length > 0) throw new DomainError(ErrorCode.VALIDATION_FAILED, `未知的问题类型：${unknown.join('、')}`, { field: 'serviceCodes', unknown });
    return [...codes].sort();
  }
}
