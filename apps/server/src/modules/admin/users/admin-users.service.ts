import { Injectable } from '@nestjs/common';
import { ErrorCode, type Page } from '@ssp/contracts';
import type { AuthUser } from '../../../core/auth/auth-user';
import { hashPassword } from '../../../core/auth/password.util';
import { DomainError } from '../../../core/errors/domain.error';
import { AuditService } from '../../audit/audit.service';
import type { AuditSnapshot } from '../../audit/entities/audit-entry.entity';
import { DepartmentsService } from '../../departments/departments.service';
import type { User } from '../../users/entities/user.entity';
import { isUniqueViolation } from '../../../core/database/database-error.util';
import { PAGE_LIMIT } from '../dto/page-query.dto';
import { decodeCursor, toPage } from '../page.util';
import { AdminUsersRepository, type UserChanges } from './admin-users.repository';
import type { AdminUserDto, AdminUserQueryDto, CreateUserDto, UpdateUserDto } from './dto/admin-user.dto';

const ENTITY = 'user';

function toView(user: User): AdminUserDto {
  return {
    id: user.id,
    role: user.role,
    username: user.username,
    nickname: user.nickname,
    department: user.department ? { code: user.department.code, name: user.department.name } : null,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
  };
}

function snapshotOf(user: User): AuditSnapshot {
  return {
    username: user.username,
    nickname: user.nickname,
    role: user.role,
    departmentCode: user.department?.code ?? null,
    active: user.active,
  };
}

function notFound(id: string): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, `账号 ${id} 不存在`);
}

function duplicate(username: string): DomainError {
  return new DomainError(ErrorCode.CONFLICT, `用户名 ${username} 已被使用`, { field: 'username' });
}

function departmentRequired(): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, '员工账号必须指定所属部门', { field: 'departmentCode' });
}

/**
 * Checks that need only the request and the stored account. Residents are WeChat identities: an
 * admin may rename or block one, but not turn it into a staff account. Admins may not lock
 * themselves out: the last admin could otherwise leave the city without one.
 */
function refuseForbiddenChanges(actor: AuthUser, target: User, body: UpdateUserDto): void {
  if (target.role === 'resident' && (body.role !== undefined || body.departmentCode !== undefined || body.password !== undefined)) {
    throw new DomainError(ErrorCode.BUSINESS_RULE, '居民账号只能修改昵称和启用状态');
  }
  if (target.id !== actor.id) return;
  if (body.active === false) throw new DomainError(ErrorCode.BUSINESS_RULE, '不能停用自己的账号');
  if (body.role !== undefined && body.role !== 'admin') throw new DomainError(ErrorCode.BUSINESS_RULE, '不能取消自己的管理员权限');
}

@Injectable()
export class AdminUsersService {
  constructor(
    private readonly repository: AdminUsersRepository,
    private readonly departments: DepartmentsService,
    private readonly audit: AuditService,
  ) {}

  async list(query: AdminUserQueryDto): Promise<Page<AdminUserDto>> {
    const limit = query.limit ?? PAGE_LIMIT.default;
    const beforeId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (beforeId === null) throw new DomainError(ErrorCode.VALIDATION_FAILED, '分页游标无效');
    const rows = await this.repository.newest({ role: query.role, departmentCode: query.departmentCode, beforeId }, limit + 1);
    return toPage(rows, limit, (row) => row.id, toView);
  }

  async get(id: string): Promise<AdminUserDto> {
    const user = await this.repository.findById(id);
    if (!user) throw notFound(id);
    return toView(user);
  }

  async create(actor: AuthUser, body: CreateUserDto): Promise<AdminUserDto> {
    if (body.role === 'staff' && !body.departmentCode) throw departmentRequired();
    const department = body.departmentCode ? await this.departments.assignable(body.departmentCode, 'departmentCode') : null;
    if (await this.repository.findByUsername(body.username)) throw duplicate(body.username);
    const passwordHash = await hashPassword(body.password);
    try {
      return await this.repository.transaction(async (manager) => {
        const created = await this.repository.insert(manager, {
          role: body.role,
          username: body.username,
          nickname: body.nickname,
          departmentId: department?.id ?? null,
          passwordHash,
        });
        await this.audit.record(manager, actor.id, 'create', ENTITY, created.id, null, snapshotOf(created));
        return toView(created);
      });
    } catch (error) {
      throw isUniqueViolation(error) ? duplicate(body.username) : error;
    }
  }

  async update(actor: AuthUser, id: string, body: UpdateUserDto): Promise<AdminUserDto> {
    const target = await this.repository.findById(id);
    if (!target) throw notFound(id);
    refuseForbiddenChanges(actor, target, body);
    const changes: UserChanges = {
      ...(body.nickname !== undefined ? { nickname: body.nickname } : {}),
      ...(body.role !== undefined ? { role: body.role } : {}),
      ...(body.active !== undefined ? { active: body.active } : {}),
    };
    if (body.departmentCode !== undefined) {
      changes.departmentId =
        body.departmentCode === null ? null : (await this.departments.assignable(body.departmentCode, 'departmentCode')).id;
    }
    const role = changes.role ?? target.role;
    const departmentId = changes.departmentId === undefined ? target.departmentId : changes.departmentId;
    if (role === 'staff' && departmentId === null) throw departmentRequired();
    // Hashed before the transaction: argon2 takes a while and the row stays locked meanwhile.
    if (body.password !== undefined) changes.passwordHash = await hashPassword(body.password);
    return this.repository.transaction(async (manager) => {
      const current = await this.repository.lockById(manager, id);
      if (!current) throw notFound(id);
      const updated = await this.repository.update(manager, id, changes);
      await this.audit.record(manager, actor.id, 'update', ENTITY, id, snapshotOf(current), {
        ...snapshotOf(updated),
        ...(body.password !== undefined ? { passwordChanged: true } : {}),
      });
      return toView(updated);
    });
  }
}
