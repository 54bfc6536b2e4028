import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { DomainError } from '../../core/errors/domain.error';
import { RegionImportError, regionsFromGeoJson, type RegionSeed } from '../../seed/region-import.util';
import { AuditService } from '../audit/audit.service';
import type { AuditSnapshot } from '../audit/entities/audit-entry.entity';
import type { RegionImportDto, RegionImportResultDto, RegionSummaryDto } from './dto/region-admin.dto';
import { RegionsRepository, type RegionFields } from './regions.repository';
import { RegionsService } from './regions.service';

const NAME_MAX_CHARS = 64;

/** What the audit trail keeps of a region: the outline as a fingerprint, since outlines run to megabytes. */
function snapshotOf(region: RegionFields): AuditSnapshot {
  return {
    name: region.name,
    level: region.level,
    parentCode: region.parentCode,
    bbox: region.bbox.join(','),
    outlineSha256: createHash('sha256').update(region.geometry).digest('hex'),
  };
}

function fieldsOf(seed: RegionSeed): RegionFields {
  return {
    code: seed.code,
    name: seed.name,
    level: seed.level,
    parentCode: seed.parentCode,
    geometry: JSON.stringify(seed.geometry),
    bbox: seed.bbox,
  };
}

function seedsOf(body: RegionImportDto): RegionSeed[] {
  let seeds: RegionSeed[];
  try {
    seeds = regionsFromGeoJson({ type: body.type, features: body.features }, { code: body.cityCode, name: body.cityName });
  } catch (error) {
    if (error instanceof RegionImportError) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `区域数据有误：${error.message}`, { problem: error.message });
    }
    throw error;
  }
  const longName = seeds.find((seed) => seed.name.length > NAME_MAX_CHARS);
  if (longName) throw new DomainError(ErrorCode.VALIDATION_FAILED, `区域名称不能超过 ${NAME_MAX_CHARS} 个字符：${longName.code}`);
  if (seeds.some((seed) => seed.level === 'district' && seed.code === body.cityCode)) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, '区县代码不能与城市代码相同');
  }
  return seeds;
}

@Injectable()
export class AdminRegionsService {
  constructor(
    private readonly repository: RegionsRepository,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<RegionSummaryDto[]> {
    const rows = await this.repository.summaries();
    return rows.map((row) => ({ code: row.code, name: row.name, level: row.level, parentCode: row.parentCode, bbox: row.bbox }));
  }

  /**
   * Makes the city's stored outlines match the file: new regions are added, changed ones replaced,
   * and districts of this city the file no longer lists are removed (a merged district would
   * otherwise keep claiming points). All of it, with its audit entries, in one transaction.
   */
  async import(actor: AuthUser, body: RegionImportDto): Promise<RegionImportResultDto> {
    const seeds = seedsOf(body);
    const result = await this.repository.transaction(async (manager) => {
      const existing = await this.repository.findForImport(manager, body.cityCode, seeds.map((seed) => seed.code));
      const byCode = new Map(existing.map((row) => [row.code, row]));
      const outcome: RegionImportResultDto = { cityCode: body.cityCode, added: [], updated: [], unchanged: [], removed: [] };
      for (const fields of seeds.map(fieldsOf)) {
        const row = byCode.get(fields.code);
        const after = snapshotOf(fields);
        if (!row) {
          await this.repository.insert(manager, fields);
          await this.audit.record(manager, actor.id, 'create', 'region', fields.code, null, after);
          outcome.added.push(fields.code);
        } else if (JSON.stringify(snapshotOf(row)) !== JSON.stringify(after)) {
          await this.repository.update(manager, row.id, fields);
          await this.audit.record(manager, actor.id, 'update', 'region', fields.code, snapshotOf(row), after);
          outcome.updated.push(fields.code);
        } else {
          outcome.unchanged.push(fields.code);
        }
      }
      const imported = new Set(seeds.map((seed) => seed.code));
      for (const row of existing.filter((candidate) => !imported.has(candidate.code))) {
        await this.repository.remove(manager, row.id);
        await this.audit.record(manager, actor.id, 'delete', 'region', row.code, snapshotOf(row), null);
        outcome.removed.push(row.code);
      }
      return outcome;
    });
    this.regions.forgetOutlines();
    return result;
  }
}
