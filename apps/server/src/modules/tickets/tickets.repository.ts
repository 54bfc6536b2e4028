import { Injectable } from '@nestjs/common';
import { newEntity } from '../../core/database/new-entity.util';
import { rawInsert, type RawInsert } from '../../core/database/raw-insert.util';
import { rawEntityRead, type RawEntityRead } from '../../core/database/raw-statement.util';
import { transactionWithRetry } from '../../core/database/transaction.util';
import type { TicketStatus } from '@ssp/contracts';
import { DataSource, type EntityManager, type EntityMetadata, type ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Category } from '../categories/entities/category.entity';
import { Department } from '../departments/entities/department.entity';
import { ReferenceDataService } from '../reference/reference-data.service';
import { Region } from '../regions/entities/region.entity';
import { Report } from '../reports/entities/report.entity';
import { SlaPolicy } from '../sla/entities/sla-policy.entity';
import { TicketEvent } from './entities/ticket-event.entity';
import { Ticket } from './entities/ticket.entity';

export interface TicketListQuery {
  /** Staff: their department. Admin: undefined (all). */
  departmentId?: string;
  status?: TicketStatus;
  /** Only tickets whose deadline passed before this instant and that are still open. */
  overdueAt?: Date;
  /** Only tickets with an extension request waiting for a decision. */
  pendingExtension?: boolean;
  categoryCodes?: string[];
  regionCode?: string;
  q?: string;
  after?: { resolveBy: Date | null; id: string };
  limit: number;
}

const OPEN_STATUSES: TicketStatus[] = ['dispatched', 'in_progress'];

/** LIKE with the text taken literally; '!' escapes because a backslash means different things per engine. */
function likePattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (char) => `!${char}`)}%`;
}

/** A ticket of a list page, mapped from a raw row (see TicketsRepository.list). */
export interface TicketListRow {
  id: string;
  ticketNo: string;
  status: TicketStatus;
  category: { code: string; name: string } | null;
  department: { code: string; name: string } | null;
  regionCode: string | null;
  description: string;
  acceptBy: Date | null;
  resolveBy: Date | null;
  overdue: boolean;
  version: number;
  supporterCount: number;
  createdAt: Date;
  pendingExtensionUntil: Date | null;
}

/** Ticket columns a list page reads, selected under their property names. */
const LIST_TICKET_FIELDS = [
  'id',
  'ticketNo',
  'status',
  'regionCode',
  'description',
  'acceptBy',
  'resolveBy',
  'overdue',
  'version',
  'supporterCount',
  'createdAt',
  'pendingExtensionUntil',
] as const;

/** A row as the driver returns it: dates and booleans still in the engine's representation. */
interface RawListRow {
  id: string;
  ticketNo: string;
  status: TicketStatus;
  regionCode: string | null;
  description: string;
  acceptBy: unknown;
  resolveBy: unknown;
  overdue: unknown;
  version: number;
  supporterCount: number;
  createdAt: unknown;
  pendingExtensionUntil: unknown;
  categoryCode: string | null;
  categoryName: string | null;
  departmentCode: string | null;
  departmentName: string | null;
}

type ListColumn = (typeof LIST_TICKET_FIELDS)[number] | 'departmentId' | 'categoryCode';

interface ListStatement {
  /** SELECT <columns> FROM tickets LEFT JOIN categories LEFT JOIN departments */
  selectFrom: string;
  /** Quoted, alias-qualified column references for WHERE and ORDER BY. */
  columns: Record<ListColumn, string>;
  toRow: (raw: RawListRow) => TicketListRow;
}

/**
 * The fixed parts of the list statement, built once from the entity metadata with the driver's own
 * quoting, and the row mapper, which converts dates and booleans exactly as entity hydration would.
 */
function prepareListStatement(dataSource: DataSource): ListStatement {
  const driver = dataSource.driver;
  const quote = (name: string) => driver.escape(name);
  const ticket = dataSource.getMetadata(Ticket);
  const category = dataSource.getMetadata(Category);
  const department = dataSource.getMetadata(Department);
  const columnOf = (metadata: EntityMetadata, property: string): ColumnMetadata => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name}.${property} is not a column`);
    return column;
  };
  const ref = (alias: string, metadata: EntityMetadata, property: string) =>
    `${quote(alias)}.${quote(columnOf(metadata, property).databaseName)}`;
  const ticketColumns = Object.fromEntries(LIST_TICKET_FIELDS.map((field) => [field, ref('t', ticket, field)])) as Record<
    (typeof LIST_TICKET_FIELDS)[number],
    string
  >;
  const columns: Record<ListColumn, string> = {
    ...ticketColumns,
    departmentId: ref('t', ticket, 'departmentId'),
    categoryCode: ref('category', category, 'code'),
  };
  const select = [
    ...LIST_TICKET_FIELDS.map((field) => `${ticketColumns[field]} AS ${quote(field)}`),
    `${columns.categoryCode} AS ${quote('categoryCode')}`,
    `${ref('category', category, 'name')} AS ${quote('categoryName')}`,
    `${ref('department', department, 'code')} AS ${quote('departmentCode')}`,
    `${ref('department', department, 'name')} AS ${quote('departmentName')}`,
  ];
  const selectFrom =
    `SELECT ${select.join(', ')} FROM ${quote(ticket.tableName)} ${quote('t')}` +
    ` LEFT JOIN ${quote(category.tableName)} ${quote('category')} ON ${ref('category', category, 'id')} = ${ref('t', ticket, 'categoryId')}` +
    ` LEFT JOIN ${quote(department.tableName)} ${quote('department')} ON ${ref('department', department, 'id')} = ${columns.departmentId}`;

  const hydrated = (property: string) => {
    const column = columnOf(ticket, property);
    return (value: unknown): unknown => driver.prepareHydratedValue(value, column);
  };
  const dateOf = (property: string) => {
    const hydrate = hydrated(property);
    return (value: unknown): Date | null => {
      const date = hydrate(value);
      return date instanceof Date ? date : null;
    };
  };
  const acceptBy = dateOf('acceptBy');
  const resolveBy = dateOf('resolveBy');
  const createdAtOf = dateOf('createdAt');
  const createdAt = (value: unknown): Date => {
    const date = createdAtOf(value);
    if (!date) throw new Error(`tickets.createdAt read as ${String(value)}`);
    return date;
  };
  const pendingExtensionUntil = dateOf('pendingExtensionUntil');
  const overdue = hydrated('overdue');
  const toRow = (raw: RawListRow): TicketListRow => ({
    id: raw.id,
    ticketNo: raw.ticketNo,
    status: raw.status,
    category: raw.categoryCode === null ? null : { code: raw.categoryCode, name: raw.categoryName ?? '' },
    department: raw.departmentCode === null ? null : { code: raw.departmentCode, name: raw.departmentName ?? '' },
    regionCode: raw.regionCode,
    description: raw.description,
    acceptBy: acceptBy(raw.acceptBy),
    resolveBy: resolveBy(raw.resolveBy),
    overdue: overdue(raw.overdue) === true,
    version: raw.version,
    supporterCount: raw.supporterCount,
    createdAt: createdAt(raw.createdAt),
    pendingExtensionUntil: pendingExtensionUntil(raw.pendingExtensionUntil),
  });
  return { selectFrom, columns, toRow };
}

@Injectable()
export class TicketsRepository {
  private listStatement?: ListStatement;
  private ticketInsert?: RawInsert<Ticket>;
  private eventInsert?: RawInsert<TicketEvent>;
  private ticketReadStatement?: RawEntityRead<Ticket>;
  private eventRead?: RawEntityRead<TicketEvent>;
  private reportRead?: RawEntityRead<Report>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return transactionWithRetry(this.dataSource, work);
  }

  /** A ticket with its category and department (the resident's and staff's detail pages, every action). */
  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Ticket | null> {
    const [ticket] = await this.ticketRead().find(manager, 'WHERE {id} = :id', { id });
    return ticket ?? null;
  }

  /** `findById` for several tickets in one statement (a page of reports names up to 20). */
  findByIds(ids: readonly string[]): Promise<Ticket[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.ticketRead().find(this.dataSource, 'WHERE {id} IN (:...ids)', { ids: [...new Set(ids)] });
  }

  /** A ticket and its category and department in one statement built once (rawEntityRead), not per call. */
  private ticketRead(): RawEntityRead<Ticket> {
    return (this.ticketReadStatement ??= rawEntityRead(this.dataSource, Ticket, ['category', 'department']));
  }

  /**
   * Keyset page ordered by deadline then id (NULL deadlines first on both engines), which the
   * (departmentId, status, resolveBy, id) index serves for a staff inbox. The inbox is the hottest read
   * of the system, so this is one statement with an explicit column list mapped from raw rows: no query
   * building and no entity hydration per request (the statement's fixed parts are prepared once).
   */
  async list(query: TicketListQuery): Promise<TicketListRow[]> {
    const statement = (this.listStatement ??= prepareListStatement(this.dataSource));
    const c = statement.columns;
    const where: string[] = [];
    const parameters: ObjectLiteral = {};
    if (query.departmentId) {
      where.push(`${c.departmentId} = :departmentId`);
      parameters.departmentId = query.departmentId;
    }
    if (query.status) {
      where.push(`${c.status} = :status`);
      parameters.status = query.status;
    }
    if (query.overdueAt) {
      where.push(`${c.status} IN (:...open)`, `${c.resolveBy} < :now`);
      parameters.open = OPEN_STATUSES;
      parameters.now = query.overdueAt;
    }
    if (query.pendingExtension) where.push(`${c.pendingExtensionUntil} IS NOT NULL`);
    if (query.categoryCodes) {
      where.push(`${c.categoryCode} IN (:...codes)`);
      parameters.codes = query.categoryCodes;
    }
    if (query.regionCode) {
      where.push(`${c.regionCode} = :regionCode`);
      parameters.regionCode = query.regionCode;
    }
    if (query.q) {
      where.push(`(${c.ticketNo} = :ticketNo OR ${c.description} LIKE :pattern ESCAPE '!')`);
      parameters.ticketNo = query.q;
      parameters.pattern = likePattern(query.q);
    }
    const after = query.after;
    if (after) {
      parameters.afterId = after.id;
      if (after.resolveBy === null) {
        where.push(`((${c.resolveBy} IS NULL AND ${c.id} > :afterId) OR ${c.resolveBy} IS NOT NULL)`);
      } else {
        where.push(`(${c.resolveBy} > :afterDeadline OR (${c.resolveBy} = :afterDeadline AND ${c.id} > :afterId))`);
        parameters.afterDeadline = after.resolveBy;
      }
    }
    const sql =
      statement.selectFrom +
      (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
      ` ORDER BY ${c.resolveBy} ASC, ${c.id} ASC LIMIT ${Math.trunc(query.limit)}`;
    // The driver turns :names into its placeholders and Dates into what the engine stores.
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
    const rows = await this.dataSource.query<RawListRow[]>(text, values);
    return rows.map(statement.toRow);
  }

  /**
   * The row's database defaults are not read back (on MySQL that is one SELECT per insert): callers set
   * what they use. A statement written once (rawInsert), not built per call: every report opens a ticket.
   */
  insert(manager: EntityManager, ticket: Ticket): Promise<void> {
    return this.insertAll(manager, [ticket]);
  }

  /** As `insert`, several tickets in one statement (intake's group commit). */
  insertAll(manager: EntityManager, tickets: readonly Ticket[]): Promise<void> {
    this.ticketInsert ??= rawInsert(this.dataSource, Ticket);
    return this.ticketInsert(manager, tickets);
  }

  /** As `insert`: defaults not read back, a statement written once. */
  insertEvent(manager: EntityManager, event: TicketEvent): Promise<void> {
    return this.insertEvents(manager, [event]);
  }

  insertEvents(manager: EntityManager, events: readonly TicketEvent[]): Promise<void> {
    this.eventInsert ??= rawInsert(this.dataSource, TicketEvent);
    return this.eventInsert(manager, events);
  }

  /** Applies `changes` and bumps the version only if nobody changed the ticket since `version`. */
  async updateIfVersion(
    manager: EntityManager,
    id: string,
    version: number,
    changes: QueryDeepPartialEntity<Ticket>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Ticket)
      .set({ ...changes, version: () => 'version + 1', updatedAt: new Date() })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** A ticket's timeline, oldest first, with each event's actor and department. */
  events(ticketId: string): Promise<TicketEvent[]> {
    this.eventRead ??= rawEntityRead(this.dataSource, TicketEvent, ['actor', 'department']);
    return this.eventRead.find(this.dataSource, 'WHERE {ticketId} = :ticketId ORDER BY {createdAt} ASC, {id} ASC', { ticketId });
  }

  /** Resolved tickets nobody rated before `cutoff` (办结 before it), oldest first: due for 自动结案. */
  resolvedBefore(cutoff: Date, limit: number): Promise<Ticket[]> {
    return this.ticketRead().find(
      this.dataSource,
      `WHERE {status} = :resolved AND {resolvedAt} < :cutoff ORDER BY {resolvedAt} ASC, {id} ASC LIMIT ${Math.trunc(limit)}`,
      { resolved: 'resolved', cutoff },
    );
  }

  /** The reports behind a ticket, first first. */
  reportsOf(ticketId: string, manager: EntityManager = this.dataSource.manager): Promise<Report[]> {
    this.reportRead ??= rawEntityRead(this.dataSource, Report);
    return this.reportRead.find(manager, 'WHERE {ticketId} = :ticketId ORDER BY {createdAt} ASC, {id} ASC', { ticketId });
  }

  async findByTicketNo(ticketNo: string): Promise<Ticket | null> {
    const [ticket] = await this.ticketRead().find(this.dataSource, 'WHERE {ticketNo} = :ticketNo', { ticketNo });
    return ticket ?? null;
  }

  /**
   * More residents follow the problem (附议). An atomic increment that leaves the version alone: a
   * supporter joining must not make a staff member's open form stale.
   */
  async addSupporters(manager: EntityManager, ticketId: string, count: number): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Ticket)
      .set({ supporterCount: () => `supporterCount + ${Math.trunc(count)}`, updatedAt: new Date() })
      .where('id = :ticketId', { ticketId })
      .execute();
  }

  /** Points reports at another ticket: every report of `fromTicketId`, or the one named. */
  async moveReports(manager: EntityManager, toTicketId: string, from: { ticketId: string } | { reportId: string }): Promise<void> {
    const where = 'ticketId' in from ? { ticketId: from.ticketId } : { id: from.reportId };
    await manager.getRepository(Report).update(where, { ticketId: toTicketId });
  }

  /** A report taken out of a merge becomes the first report of its own ticket. */
  async markReportAccepted(manager: EntityManager, reportId: string): Promise<void> {
    await manager.getRepository(Report).update({ id: reportId }, { outcome: 'accepted' });
  }

  activeCategoryByCode(code: string): Promise<Category | null> {
    return this.dataSource.getRepository(Category).findOneBy({ code, active: true });
  }

  activeDepartmentByCode(code: string): Promise<Department | null> {
    return this.dataSource.getRepository(Department).findOneBy({ code, active: true });
  }

  /** The SLA terms of a category (its own policy, else its parent's), or of the named fallback policy. */
  slaTermsFor(categoryId: string | null, fallbackCode: string): Promise<SlaPolicy | null> {
    return this.reference.slaPolicyFor(categoryId, fallbackCode);
  }

  async allRegionNames(): Promise<Map<string, string>> {
    const regions = await this.dataSource.getRepository(Region).find({ select: { code: true, name: true } });
    return new Map(regions.map((region) => [region.code, region.name]));
  }

  /** Category codes for a filter: a 大类 code stands for itself and all its 小类. */
  async categoryCodesUnder(code: string): Promise<string[]> {
    const category = await this.dataSource.getRepository(Category).findOneBy({ code });
    if (!category) return [];
    const children = await this.dataSource.getRepository(Category).findBy({ parentId: category.id });
    return [category.code, ...children.map((child) => child.code)];
  }

  newTicket(fields: Partial<Ticket>): Ticket {
    return newEntity(Ticket, fields);
  }

  newEvent(fields: Partial<TicketEvent>): TicketEvent {
    return newEntity(TicketEvent, fields);
  }
}
