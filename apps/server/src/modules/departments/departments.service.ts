import { Injectable } from '@nestjs/common';
import { ErrorCode, type DepartmentOption } from '@ssp/contracts';
import { DomainError } from '../../core/errors/domain.error';
import { DepartmentsRepository } from './departments.repository';

export interface DepartmentRecord {
  id: string;
  code: string;
  name: string;
}

// Pinyin order, as people look names up in a Chinese list; the database collations disagree on it.
const byPinyin = new Intl.Collator('zh-Hans-CN');

/** Departments as other modules see them: pickers and the department a record may point to. */
@Injectable()
export class DepartmentsService {
  constructor(private readonly repository: DepartmentsRepository) {}

  async options(): Promise<DepartmentOption[]> {
    const rows = await this.repository.findActive();
    return rows
      .map((row) => ({ code: row.code, name: row.name, shortName: row.shortName }))
      .sort((a, b) => byPinyin.compare(a.name, b.name) || a.code.localeCompare(b.code));
  }

  /**
   * The department a record may be assigned to: an unknown code is bad input (400), a deactivated
   * department takes no new work (422). `field` names the body field in the error details.
   */
  async assignable(code: string, field: string): Promise<DepartmentRecord> {
    const department = await this.repository.findByCode(code);
    if (!department) throw new DomainError(ErrorCode.VALIDATION_FAILED, `部门 ${code} 不存在`, { field });
    if (!department.active) throw new DomainError(ErrorCode.BUSINESS_RULE, `部门 ${department.name} 已停用`, { field });
    return { id: department.id, code: department.code, name: department.name };
  }
}
