import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClassifierModelRecord } from './entities/classifier-model.entity';

export type NewClassifierModel = Pick<ClassifierModelRecord, 'exampleCount' | 'metrics' | 'content'>;

@Injectable()
export class ClassifierModelsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The newest version number, or null when only the shipped model exists. A cheap poll. */
  async latestVersion(): Promise<number | null> {
    const row = await this.dataSource
      .getRepository(ClassifierModelRecord)
      .createQueryBuilder('m')
      .select('MAX(m.version)', 'version')
      .getRawOne<{ version: number | string | null }>();
    return row?.version === null || row?.version === undefined ? null : Number(row.version);
  }

  findByVersion(version: number): Promise<ClassifierModelRecord | null> {
    return this.dataSource.getRepository(ClassifierModelRecord).findOneBy({ version });
  }

  /** Stores a model as the next version; the unique version makes two concurrent publishes fail, not mix. */
  async insertNext(model: NewClassifierModel): Promise<number> {
    const version = ((await this.latestVersion()) ?? 0) + 1;
    const repository = this.dataSource.getRepository(ClassifierModelRecord);
    await repository.insert(repository.create({ ...model, version }));
    return version;
  }
}
