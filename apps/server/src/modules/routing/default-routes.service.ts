import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { DomainError } from '../../core/errors/domain.error';
import { isUniqueViolation } from '../../core/database/database-error.util';
import { AuditService } from '../audit/audit.service';
import { nestCategories } from '../categories/category-tree.util';
import type { Category } from '../categories/entities/category.entity';
import { DepartmentsService } from '../departments/departments.service';
import type { Department } from '../departments/entities/department.entity';
import { ReferenceDataService } from '../reference/reference-data.service';
import { DefaultRoutesRepository } from './default-routes.repository';
import type { DefaultRouteDto } from './dto/default-route.dto';

const ENTITY = 'default_route';

function toView(category: Category, department: Department | null | undefined, parentCode: string | null): DefaultRouteDto {
  return {
    categoryCode: category.code,
    categoryName: category.name,
    parentCode,
    department: department ? { code: department.code, name: department.name, shortName: department.shortName } : null,
  };
}

/**
 * The plain category → department table: the fallback of routing when no published rule matches a
 * report (RoutingService), and the department staff see for a category.
 */
@Injectable()
export class DefaultRoutesService {
  constructor(
    private readonly repository: DefaultRoutesRepository,
    private readonly departments: DepartmentsService,
    private readonly audit: AuditService,
    private readonly reference: ReferenceDataService,
  ) {}

  /**
   * Where a report of this category goes: the 小类's route, else its 大类's, else null (triage).
   * A deactivated department takes no new work, so its route counts as missing.
   */
  async departmentFor(categoryCode: string): Promise<{ id: string; code: string; name: string } | null> {
    const department = await this.reference.defaultDepartmentFor(categoryCode);
    return department ? { id: department.id, code: department.code, name: department.name } : null;
  }

  /** Every visible category in tree order (each 大类, then its 小类) with its own route or null. */
  async list(): Promise<DefaultRouteDto[]> {
    const [categories, routes] = [await this.repository.activeCategories(), await this.repository.routes()];
    const departmentOf = new Map(routes.map((route) => [route.categoryId, route.department]));
    const codeOf = new Map(categories.map((category) => [category.id, category.code]));
    const ordered = nestCategories(categories, (category, children: Category[][]) => [category, ...children.flat()]).flat();
    return ordered.map((category) =>
      toView(category, departmentOf.get(category.id), category.parentId ? (codeOf.get(category.parentId) ?? null) : null),
    );
  }

  async put(actor: AuthUser, categoryCode: string, departmentCode: string): Promise<DefaultRouteDto> {
    const category = await this.requireCategory(categoryCode);
    const department = await this.departments.assignable(departmentCode, 'departmentCode');
    try {
      await this.repository.transaction(async (manager) => {
        const current = await this.repository.lockRoute(manager, category.id);
        const after = { departmentCode: department.code };
        if (!current) {
          await this.repository.insert(manager, category.id, department.id);
          await this.audit.record(manager, actor.id, 'create', ENTITY, categoryCode, null, after);
        } else if (current.departmentId !== department.id) {
          await this.repository.update(manager, current.id, department.id);
          const before = { departmentCode: current.department?.code ?? null };
          await this.audit.record(manager, actor.id, 'update', ENTITY, categoryCode, before, after);
        }
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(ErrorCode.CONFLICT, '该分类的派单部门刚被他人修改，请刷新后重试');
      throw error;
    }
    const [route] = await this.repository.routes([category.id]);
    return toView(category, route?.department, category.parent?.code ?? null);
  }

  async remove(actor: AuthUser, categoryCode: string): Promise<void> {
    const category = await this.requireCategory(categoryCode);
    await this.repository.transaction(async (manager) => {
      const current = await this.repository.lockRoute(manager, category.id);
      if (!current) throw new DomainError(ErrorCode.NOT_FOUND, `分类 ${categoryCode} 没有默认派单部门`);
      await this.repository.remove(manager, current.id);
      const before = { departmentCode: current.department?.code ?? null };
      await this.audit.record(manager, actor.id, 'delete', ENTITY, categoryCode, before, null);
    });
  }

  private async requireCategory(code: string): Promise<Category> {
    const category = await this.repository.findCategory(code);
    if (!category) throw new DomainError(ErrorCode.NOT_FOUND, `分类 ${code} 不存在`);
    return category;
  }
}
