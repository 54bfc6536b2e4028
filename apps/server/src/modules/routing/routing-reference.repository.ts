import { Injectable } from '@nestjs/common';
import type { RuleValidationContext } from '@ssp/rules';
import { DataSource } from 'typeorm';
import { Category } from '../categories/entities/category.entity';
import { Department } from '../departments/entities/department.entity';
import { ReferenceDataService } from '../reference/reference-data.service';
import { Region } from '../regions/entities/region.entity';
import { SlaPolicy } from '../sla/entities/sla-policy.entity';

export interface RoutingTarget {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

/** What rules name by code (departments, categories, regions, SLA policies), read for routing and validation. */
@Injectable()
export class RoutingReferenceRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
  ) {}

  /** Every code a rule may name, active or not: a rule naming a deactivated department is still well-formed. */
  async knownCodes(): Promise<Required<Pick<RuleValidationContext, 'departmentCodes' | 'categoryCodes' | 'regionCodes' | 'slaPolicyCodes'>>> {
    const codes = async (entity: typeof Department | typeof Category | typeof Region | typeof SlaPolicy): Promise<string[]> =>
      (await this.dataSource.getRepository<{ code: string }>(entity).find({ select: { code: true } })).map((row) => row.code);
    const [departmentCodes, categoryCodes, regionCodes, slaPolicyCodes] = await Promise.all([
      codes(Department),
      codes(Category),
      codes(Region),
      codes(SlaPolicy),
    ]);
    return { departmentCodes, categoryCodes, regionCodes, slaPolicyCodes };
  }

  findDepartment(code: string): Promise<RoutingTarget | null> {
    return this.reference.department(code);
  }

  /** With its parent. */
  findCategory(code: string): Promise<Category | null> {
    return this.reference.category(code);
  }

  /** Region code → parent code, for the `regionAncestors` fact. */
  async regionParents(): Promise<Map<string, string | null>> {
    const rows = await this.dataSource.getRepository(Region).find({ select: { code: true, parentCode: true } });
    return new Map(rows.map((row) => [row.code, row.parentCode]));
  }

  /** The keywords of active categories, for the `keywords` fact. */
  async categoryKeywords(): Promise<string[]> {
    const rows = await this.dataSource.getRepository(Category).find({ select: { keywords: true }, where: { active: true } });
    return rows.flatMap((row) => row.keywords);
  }
}
