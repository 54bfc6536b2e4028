import { Injectable } from '@nestjs/common';
import { ErrorCode, type Page } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { DomainError } from '../../core/errors/domain.error';
import { isForeignKeyViolation, isUniqueViolation } from '../../core/database/database-error.util';
import { PAGE_LIMIT, type PageQueryDto } from '../admin/dto/page-query.dto';
import { decodeCursor, toPage } from '../admin/page.util';
import { AuditService } from '../audit/audit.service';
import type { AuditSnapshot } from '../audit/entities/audit-entry.entity';
import { RegionsService } from '../regions/regions.service';
import { DepartmentsRepository, type DepartmentFields, type DepartmentReferences } from './departments.repository';
import type { AdminDepartmentDto, CreateDepartmentDto, UpdateDepartmentDto } from './dto/department.dto';
import type { Department } from './entities/department.entity';

const ENTITY = 'department';

function toView(department: Department): AdminDepartmentDto {
  return {
    code: department.code,
    name: department.name,
    shortName: department.shortName,
    duties: department.duties,
    regionCode: department.regionCode,
    contact: department.contact,
    webhookUrl: department.webhookUrl,
    hasWebhookSecret: department.webhookSecret !== null,
    active: department.active,
    createdAt: department.createdAt.toISOString(),
    updatedAt: department.updatedAt.toISOString(),
  };
}

function snapshotOf(department: Department): AuditSnapshot {
  const { createdAt: _created, updatedAt: _updated, ...fields } = toView(department);
  return fields;
}

function notFound(code: string): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, `部门 ${code} 不存在`);
}

function duplicate(code: string): DomainError {
  return new DomainError(ErrorCode.CONFLICT, `部门编码 ${code} 已存在`, { field: 'code' });
}

function stillReferenced(references: DepartmentReferences): DomainError {
  const parts = [
    references.users > 0 ? `${references.users} 个账号` : null,
    references.tickets > 0 ? `${references.tickets} 条工单记录` : null,
    references.defaultRoutes > 0 ? `${references.defaultRoutes} 条默认派单规则` : null,
  ].filter((part) => part !== null);
  return new DomainError(
    ErrorCode.CONFLICT,
    `该部门仍关联${parts.join('、')}，不能删除；请改为停用（active: false）`,
    { ...references },
  );
}

/** Only the fields the body names; `undefined` means "leave as it is". */
function changesOf(body: UpdateDepartmentDto): Partial<DepartmentFields> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as Partial<DepartmentFields>;
}

@Injectable()
export class AdminDepartmentsService {
  constructor(
    private readonly repository: DepartmentsRepository,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
  ) {}

  async list(query: PageQueryDto): Promise<Page<AdminDepartmentDto>> {
    const limit = query.limit ?? PAGE_LIMIT.default;
    const afterCode = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (afterCode === null) throw new DomainError(ErrorCode.VALIDATION_FAILED, '分页游标无效');
    return toPage(await this.repository.page(afterCode, limit + 1), limit, (row) => row.code, toView);
  }

  async get(code: string): Promise<AdminDepartmentDto> {
    const department = await this.repository.findByCode(code);
    if (!department) throw notFound(code);
    return toView(department);
  }

  async create(actor: AuthUser, body: CreateDepartmentDto): Promise<AdminDepartmentDto> {
    if (body.regionCode) await this.requireRegion(body.regionCode);
    if (await this.repository.findByCode(body.code)) throw duplicate(body.code);
    const fields: DepartmentFields = {
      code: body.code,
      name: body.name,
      shortName: body.shortName ?? '',
      duties: body.duties ?? '',
      regionCode: body.regionCode ?? null,
      contact: body.contact ?? null,
      webhookUrl: body.webhookUrl ?? null,
      webhookSecret: body.webhookSecret ?? null,
      active: body.active ?? true,
    };
    try {
      return await this.repository.transaction(async (manager) => {
        const created = await this.repository.insert(manager, fields);
        await this.audit.record(manager, actor.id, 'create', ENTITY, created.code, null, snapshotOf(created));
        return toView(created);
      });
    } catch (error) {
      // Another admin created the same code between the check above and this insert.
      throw isUniqueViolation(error) ? duplicate(body.code) : error;
    }
  }

  async update(actor: AuthUser, code: string, body: UpdateDepartmentDto): Promise<AdminDepartmentDto> {
    if (body.regionCode) await this.requireRegion(body.regionCode);
    const changes = changesOf(body);
    return this.repository.transaction(async (manager) => {
      const current = await this.repository.lockByCode(manager, code);
      if (!current) throw notFound(code);
      const updated = await this.repository.update(manager, current.id, changes);
      const secretChanged = changes.webhookSecret !== undefined && changes.webhookSecret !== current.webhookSecret;
      await this.audit.record(manager, actor.id, 'update', ENTITY, code, snapshotOf(current), {
        ...snapshotOf(updated),
        ...(secretChanged ? { webhookSecretChanged: true } : {}),
      });
      return toView(updated);
    });
  }

  /**
   * Only a department nothing refers to can go (one created by mistake); one with accounts, tickets
   * or routes is deactivated instead, so its history keeps its name.
   */
  async remove(actor: AuthUser, code: string): Promise<void> {
    try {
      await this.repository.transaction(async (manager) => {
        const current = await this.repository.lockByCode(manager, code);
        if (!current) throw notFound(code);
        const references = await this.repository.referencesTo(manager, current.id);
        if (references.users + references.tickets + references.defaultRoutes > 0) throw stillReferenced(references);
        await this.repository.remove(manager, current.id);
        await this.audit.record(manager, actor.id, 'delete', ENTITY, code, snapshotOf(current), null);
      });
    } catch (error) {
      // A reference the count above does not know of (a newer table) is refused by its foreign key.
      if (isForeignKeyViolation(error)) {
        throw new DomainError(ErrorCode.CONFLICT, '该部门仍被其他记录引用，不能删除；请改为停用（active: false）');
      }
      throw error;
    }
  }

  private async requireRegion(code: string): Promise<void> {
    if (!(await this.regions.exists(code))) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `区域 ${code} 不存在`, { field: 'regionCode' });
    }
  }
}
