import { Injectable } from '@nestjs/common';
import { ErrorCode, type ServiceAttribute } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { DomainError } from '../../core/errors/domain.error';
import { AuditService } from '../audit/audit.service';
import type { Category } from '../categories/entities/category.entity';
import type { ServiceDefinitionView } from './dto/service-definition.dto';
import { checkServiceDefinition } from './service-attributes.util';
import { ServiceDefinitionsRepository } from './service-definitions.repository';

const ENTITY = 'service_definition';

function serviceOf(category: Category | null, code: string): Category {
  if (!category) throw new DomainError(ErrorCode.NOT_FOUND, `分类 ${code} 不存在`);
  if (category.parentId === null) throw new DomainError(ErrorCode.VALIDATION_FAILED, `${category.name} 是大类：只有小类（服务）可以设置附加问题`);
  return category;
}

/** Admins edit the extra questions (Open311 service definition) of a 小类; every change is audited. */
@Injectable()
export class AdminServiceDefinitionsService {
  constructor(
    private readonly repository: ServiceDefinitionsRepository,
    private readonly audit: AuditService,
  ) {}

  async get(code: string): Promise<ServiceDefinitionView> {
    const category = serviceOf(await this.repository.findByCode(code), code);
    return { serviceCode: category.code, attributes: category.serviceAttributes ?? [] };
  }

  async put(actor: AuthUser, code: string, attributes: unknown[]): Promise<ServiceDefinitionView> {
    const checked = checkServiceDefinition(attributes);
    if ('problems' in checked) throw new DomainError(ErrorCode.VALIDATION_FAILED, checked.problems[0], { problems: checked.problems });
    const stored: ServiceAttribute[] | null = checked.ok.length > 0 ? checked.ok : null;
    return this.repository.transaction(async (manager) => {
      const category = serviceOf(await this.repository.lockByCode(manager, code), code);
      await this.repository.setAttributes(manager, category.id, stored);
      // The trail holds flat values: the definition as its JSON text.
      await this.audit.record(manager, actor.id, 'update', ENTITY, category.code, { attributes: JSON.stringify(category.serviceAttributes ?? []) }, { attributes: JSON.stringify(stored ?? []) });
      return { serviceCode: category.code, attributes: stored ?? [] };
    });
  }
}
