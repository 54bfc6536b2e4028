import type { DepartmentOption, RegionOption, SlaPolicyOption } from '@ssp/contracts';

/** The code lists the editor offers: active departments, SLA policies, the districts the city has. */
export interface RuleReferences {
  departments: DepartmentOption[];
  slaPolicies: SlaPolicyOption[];
  regions: RegionOption[];
}

export function districtsOf(references: RuleReferences): RegionOption[] {
  return references.regions.filter((region) => region.level === 'district');
}

export function regionName(references: RuleReferences, code: string): string {
  return references.regions.find((region) => region.code === code)?.name ?? code;
}
