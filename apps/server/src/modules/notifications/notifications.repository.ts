import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { rawQuery, rawTable } from '../../core/database/raw-statement.util';
import { Department } from '../departments/entities/department.entity';
import { Report } from '../reports/entities/report.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { User } from '../users/entities/user.entity';

export interface WebhookEndpoint {
  url: string;
  secret: string | null;
}

/** Reads for building and delivering ticket messages; enqueue-time reads go through the caller's manager. */
@Injectable()
export class NotificationsRepository {
  private withWebhookStatement?: string;

  constructor(private readonly dataSource: DataSource) {}

  ticketWithRelations(manager: EntityManager, id: string): Promise<Ticket | null> {
    return manager.getRepository(Ticket).findOne({ where: { id }, relations: { category: true, department: true } });
  }

  department(manager: EntityManager, id: string): Promise<Department | null> {
    return manager.getRepository(Department).findOneBy({ id });
  }

  /** Which of these departments have a webhook (every opened ticket asks: a statement written once). */
  async withWebhook(manager: EntityManager, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    if (!this.withWebhookStatement) {
      const { table, ref, as } = rawTable(this.dataSource, Department);
      this.withWebhookStatement = `SELECT ${as('id')} FROM ${table} WHERE ${ref('id')} IN (:...ids) AND ${ref('webhookUrl')} IS NOT NULL`;
    }
    const [sql, values] = this.dataSource.driver.escapeQueryWithParameters(this.withWebhookStatement, { ids });
    const rows = await rawQuery<{ id: string }>(manager, sql, values);
    return new Set(rows.map((row) => row.id));
  }

  /** Each resident with a report on the ticket, with their first report there. */
  async reportersOf(manager: EntityManager, ticketId: string): Promise<Array<{ userId: string; reportId: string; reportNo: string }>> {
    const reports = await manager.getRepository(Report).find({
      select: { id: true, reportNo: true, reporterId: true, createdAt: true },
      where: { ticketId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const first = new Map<string, { userId: string; reportId: string; reportNo: string }>();
    for (const report of reports) {
      if (!first.has(report.reporterId)) first.set(report.reporterId, { userId: report.reporterId, reportId: report.id, reportNo: report.reportNo });
    }
    return [...first.values()];
  }

  /** Where a department's webhooks go now (read at delivery, so a changed URL or secret applies at once). */
  async webhookEndpoint(departmentId: string): Promise<WebhookEndpoint | null> {
    const row = await this.dataSource.getRepository(Department).findOne({
      select: { id: true, webhookUrl: true, webhookSecret: true },
      where: { id: departmentId },
    });
    return row?.webhookUrl ? { url: row.webhookUrl, secret: row.webhookSecret } : null;
  }

  async openidOf(userId: string): Promise<string | null> {
    const row = await this.dataSource.getRepository(User).findOne({ select: { id: true, openid: true }, where: { id: userId } });
    return row?.openid ?? null;
  }
}
