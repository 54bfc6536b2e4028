import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { DomainError } from '../../core/errors/domain.error';
import { isUniqueViolation } from '../../core/database/database-error.util';
import { AuditService } from '../audit/audit.service';
import type { AuditSnapshot } from '../audit/entities/audit-entry.entity';
import { SlaPoliciesService } from '../sla/sla-policies.service';
import { CategoriesRepository, type CategoryChanges, type CategoryFields } from './categories.repository';
import { nestCategories } from './category-tree.util';
import type { AdminCategoryNodeDto, CreateCategoryDto, UpdateCategoryDto } from './dto/admin-category.dto';
import type { Category } from './entities/category.entity';

const ENTITY = 'category';
const DEFAULT_DEDUPE_RADIUS_METRES = 50;

function toNode(category: Category, children: AdminCategoryNodeDto[]): AdminCategoryNodeDto {
  return {
    code: category.code,
    name: category.name,
    description: category.description,
    keywords: category.keywords,
    slaPolicyCode: category.slaPolicy?.code ?? null,
    dedupeRadiusMetres: category.dedupeRadiusMetres,
    active: category.active,
    sortOrder: category.sortOrder,
    children,
  };
}

function snapshotOf(category: Category): AuditSnapshot {
  const { children: _children, ...fields } = toNode(category, []);
  return { ...fields, parentCode: category.parent?.code ?? null };
}

function duplicate(code: string): DomainError {
  return new DomainError(ErrorCode.CONFLICT, `分类编码 ${code} 已存在`, { field: 'code' });
}

@Injectable()
export class AdminCategoriesService {
  constructor(
    private readonly repository: CategoriesRepository,
    private readonly slaPolicies: SlaPoliciesService,
    private readonly audit: AuditService,
  ) {}

  /** The whole tree, inactive nodes included, so admins can switch them back on. */
  async tree(): Promise<AdminCategoryNodeDto[]> {
    return nestCategories(await this.repository.findAll(), toNode);
  }

  async create(actor: AuthUser, body: CreateCategoryDto): Promise<AdminCategoryNodeDto> {
    const parent = body.parentCode ? await this.parentFor(body.parentCode) : null;
    if (await this.repository.findByCode(body.code)) throw duplicate(body.code);
    const fields: CategoryFields = {
      code: body.code,
      name: body.name,
      description: body.description ?? '',
      parentId: parent?.id ?? null,
      sortOrder: body.sortOrder ?? (await this.repository.nextSortOrder(parent?.id ?? null)),
      keywords: body.keywords ?? [],
      // A new 小类 starts with its 大类's deadlines unless told otherwise.
      slaPolicyId: body.slaPolicyCode ? await this.policyId(body.slaPolicyCode) : (parent?.slaPolicyId ?? null),
      dedupeRadiusMetres: body.dedupeRadiusMetres ?? parent?.dedupeRadiusMetres ?? DEFAULT_DEDUPE_RADIUS_METRES,
      active: body.active ?? true,
    };
    try {
      return await this.repository.transaction(async (manager) => {
        const created = await this.repository.insert(manager, fields);
        await this.audit.record(manager, actor.id, 'create', ENTITY, created.code, null, snapshotOf(created));
        return toNode(created, []);
      });
    } catch (error) {
      throw isUniqueViolation(error) ? duplicate(body.code) : error;
    }
  }

  async update(actor: AuthUser, code: string, body: UpdateCategoryDto): Promise<AdminCategoryNodeDto> {
    const { slaPolicyCode, ...plain } = body;
    const changes: CategoryChanges = Object.fromEntries(Object.entries(plain).filter(([, value]) => value !== undefined));
    if (slaPolicyCode !== undefined) changes.slaPolicyId = slaPolicyCode === null ? null : await this.policyId(slaPolicyCode);
    return this.repository.transaction(async (manager) => {
      const current = await this.repository.lockByCode(manager, code);
      if (!current) throw new DomainError(ErrorCode.NOT_FOUND, `分类 ${code} 不存在`);
      const updated = await this.repository.update(manager, current.id, changes);
      await this.audit.record(manager, actor.id, 'update', ENTITY, code, snapshotOf(current), snapshotOf(updated));
      return toNode(updated, []);
    });
  }

  private async parentFor(parentCode: string): Promise<Category> {
    const parent = await this.repository.findByCode(parentCode);
    if (!parent) throw new DomainError(ErrorCode.VALIDATION_FAILED, `上级分类 ${parentCode} 不存在`, { field: 'parentCode' });
    if (parent.parentId !== null) {
      throw new DomainError(ErrorCode.BUSINESS_RULE, `分类只有两级：${parent.name} 已是小类，不能再有下级`, { field: 'parentCode' });
    }
    return parent;
  }

  private async policyId(code: string): Promise<string> {
    const id = await this.slaPolicies.idOf(code);
    if (id === null) throw new DomainError(ErrorCode.VALIDATION_FAILED, `处置时限标准 ${code} 不存在`, { field: 'slaPolicyCode' });
    return id;
  }
}
