import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { TrainingExample, type TrainingSource } from './entities/training-example.entity';

export interface NewTrainingExample {
  text: string;
  categoryCode: string;
  source: TrainingSource;
  ticketId: string | null;
  createdById: string | null;
}

@Injectable()
export class TrainingExamplesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, example: NewTrainingExample): Promise<void> {
    await manager.getRepository(TrainingExample).insert(manager.getRepository(TrainingExample).create(example));
  }

  /** Every correction in creation order, for retraining (a city's corrections are thousands, not millions). */
  all(): Promise<Array<Pick<TrainingExample, 'text' | 'categoryCode' | 'source'>>> {
    return this.dataSource
      .getRepository(TrainingExample)
      .find({ select: { text: true, categoryCode: true, source: true }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(TrainingExample).count();
  }
}
