import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { DomainError } from '../../core/errors/domain.error';
import { AuditService } from '../audit/audit.service';
import type { AuditSnapshot } from '../audit/entities/audit-entry.entity';
import { DepartmentsService } from '../departments/departments.service';
import type { SlaPolicyDto, UpdateSlaPolicyDto } from './dto/sla-policy.dto';
import type { SlaPolicy } from './entities/sla-policy.entity';
import { SlaPoliciesRepository, type SlaPolicyChanges } from './sla-policies.repository';

// Tightest first, the order of urgency admins compare them in.
const byResolveTime = (a: SlaPolicy, b: SlaPolicy) =>
  a.resolveWithinHours - b.resolveWithinHours || a.acceptWithinMinutes - b.acceptWithinMinutes || a.code.localeCompare(b.code);

function toView(policy: SlaPolicy): SlaPolicyDto {
  const department = policy.escalateToDepartment;
  return {
    code: policy.code,
    name: policy.name,
    description: policy.description,
    acceptWithinMinutes: policy.acceptWithinMinutes,
    resolveWithinHours: policy.resolveWithinHours,
    workingHoursOnly: policy.workingHoursOnly,
    escalateToDepartment: department ? { code: department.code, name: department.name } : null,
  };
}

function snapshotOf(policy: SlaPolicy): AuditSnapshot {
  const { escalateToDepartment, ...fields } = toView(policy);
  return { ...fields, escalateToDepartmentCode: escalateToDepartment?.code ?? null };
}

@Injectable()
export class SlaPoliciesService {
  constructor(
    private readonly repository: SlaPoliciesRepository,
    private readonly departments: DepartmentsService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<SlaPolicyDto[]> {
    return (await this.repository.findAll()).sort(byResolveTime).map(toView);
  }

  /** The id behind a policy code, for records that name a policy; null when there is none. */
  async idOf(code: string): Promise<string | null> {
    return (await this.repository.findByCode(code))?.id ?? null;
  }

  async update(actor: AuthUser, code: string, body: UpdateSlaPolicyDto): Promise<SlaPolicyDto> {
    const changes: SlaPolicyChanges = {
      ...(body.acceptWithinMinutes !== undefined ? { acceptWithinMinutes: body.acceptWithinMinutes } : {}),
      ...(body.resolveWithinHours !== undefined ? { resolveWithinHours: body.resolveWithinHours } : {}),
      ...(body.workingHoursOnly !== undefined ? { workingHoursOnly: body.workingHoursOnly } : {}),
    };
    if (body.escalateToDepartmentCode !== undefined) {
      changes.escalateToDepartmentId =
        body.escalateToDepartmentCode === null
          ? null
          : (await this.departments.assignable(body.escalateToDepartmentCode, 'escalateToDepartmentCode')).id;
    }
    return this.repository.transaction(async (manager) => {
      const current = await this.repository.lockByCode(manager, code);
      if (!current) throw new DomainError(ErrorCode.NOT_FOUND, `处置时限标准 ${code} 不存在`);
      const acceptMinutes = changes.acceptWithinMinutes ?? current.acceptWithinMinutes;
      const resolveHours = changes.resolveWithinHours ?? current.resolveWithinHours;
      if (acceptMinutes > resolveHours * 60) {
        throw new DomainError(ErrorCode.BUSINESS_RULE, '签收时限不能长于办结时限', {
          acceptWithinMinutes: acceptMinutes,
          resolveWithinHours: resolveHours,
        });
      }
      const updated = await this.repository.update(manager, current.id, changes);
      await this.audit.record(manager, actor.id, 'update', 'sla_policy', code, snapshotOf(current), snapshotOf(updated));
      return toView(updated);
    });
  }
}
