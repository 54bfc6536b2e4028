import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Region } from './entities/region.entity';
import type { RegionOutlineRow } from './region-outlines.util';

export type RegionFields = Pick<Region, 'code' | 'name' | 'level' | 'parentCode' | 'geometry' | 'bbox'>;

export type RegionSummaryRow = Pick<Region, 'code' | 'name' | 'level' | 'parentCode' | 'bbox'>;

@Injectable()
export class RegionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  summaries(): Promise<RegionSummaryRow[]> {
    return this.dataSource.getRepository(Region).find({
      select: { code: true, name: true, level: true, parentCode: true, bbox: true },
      order: { code: 'ASC' },
    });
  }

  outlines(): Promise<RegionOutlineRow[]> {
    return this.dataSource.getRepository(Region).find({ select: { code: true, name: true, level: true, geometry: true } });
  }

  exists(code: string): Promise<boolean> {
    return this.dataSource.getRepository(Region).existsBy({ code });
  }

  /** The rows an import of this city touches: those it names and the districts the city has now. */
  findForImport(manager: EntityManager, cityCode: string, codes: string[]): Promise<Region[]> {
    return manager.getRepository(Region).find({ where: [{ code: In(codes) }, { parentCode: cityCode, level: 'district' }] });
  }

  async insert(manager: EntityManager, fields: RegionFields): Promise<void> {
    const repository = manager.getRepository(Region);
    await repository.insert(repository.create(fields));
  }

  async update(manager: EntityManager, id: string, fields: RegionFields): Promise<void> {
    await manager.getRepository(Region).update({ id }, fields);
  }

  async remove(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(Region).delete({ id });
  }
}
