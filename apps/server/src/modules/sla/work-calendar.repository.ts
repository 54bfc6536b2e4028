import { Injectable } from '@nestjs/common';
import { Between, DataSource, type EntityManager } from 'typeorm';
import { WorkCalendarDay } from './entities/work-calendar-day.entity';

export type WorkCalendarDayFields = Pick<WorkCalendarDay, 'date' | 'kind' | 'name'>;

const yearRange = (year: number) => Between(`${year}-01-01`, `${year}-12-31`);

@Injectable()
export class WorkCalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Every exception of every year: a few dozen rows a year. */
  all(): Promise<WorkCalendarDay[]> {
    return this.dataSource.getRepository(WorkCalendarDay).find({ order: { date: 'ASC' } });
  }

  ofYear(year: number, manager: EntityManager = this.dataSource.manager): Promise<WorkCalendarDay[]> {
    return manager.getRepository(WorkCalendarDay).find({ where: { date: yearRange(year) }, order: { date: 'ASC' } });
  }

  async replaceYear(manager: EntityManager, year: number, days: WorkCalendarDayFields[]): Promise<void> {
    const repository = manager.getRepository(WorkCalendarDay);
    await repository.delete({ date: yearRange(year) });
    if (days.length > 0) await repository.insert(days.map((day) => repository.create(day)));
  }
}
