import { Injectable } from '@nestjs/common';
import { ErrorCode, type Page, type WordRuleView } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { isUniqueViolation } from '../../core/database/database-error.util';
import { DomainError, NotFoundError } from '../../core/errors/domain.error';
import { PAGE_LIMIT } from '../admin/dto/page-query.dto';
import { decodeCursor, toPage } from '../admin/page.util';
import { AuditService } from '../audit/audit.service';
import type { AuditSnapshot } from '../audit/entities/audit-entry.entity';
import type { CreateWordRuleDto, UpdateWordRuleDto, WordRuleQueryDto } from './dto/word-rule.dto';
import type { WordRule } from './entities/word-rule.entity';
import { TextFilterService } from './text-filter.service';
import { WordRulesRepository, type WordRuleFields } from './word-rules.repository';

const ENTITY = 'word_rule';

function toView(rule: WordRule): WordRuleView {
  return {
    id: rule.id,
    pattern: rule.pattern,
    level: rule.level,
    category: rule.category,
    matchMode: rule.matchMode,
    enabled: rule.enabled,
    note: rule.note,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}

function snapshotOf(rule: WordRule): AuditSnapshot {
  const { createdAt: _created, updatedAt: _updated, id: _id, ...fields } = toView(rule);
  return fields;
}

function duplicate(pattern: string): DomainError {
  return new DomainError(ErrorCode.CONFLICT, `词条“${pattern}”已存在`, { field: 'pattern' });
}

/** The admins' word list (API.md `/admin/word-rules`); every change is audited and applies within seconds. */
@Injectable()
export class AdminWordRulesService {
  constructor(
    private readonly repository: WordRulesRepository,
    private readonly filter: TextFilterService,
    private readonly audit: AuditService,
  ) {}

  async list(query: WordRuleQueryDto): Promise<Page<WordRuleView>> {
    const limit = query.limit ?? PAGE_LIMIT.default;
    const beforeId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (beforeId === null) throw new DomainError(ErrorCode.VALIDATION_FAILED, '分页游标无效');
    const rows = await this.repository.page({ level: query.level, q: query.q?.trim() || undefined, beforeId }, limit + 1);
    return toPage(rows, limit, (row) => row.id, toView);
  }

  async create(actor: AuthUser, body: CreateWordRuleDto): Promise<WordRuleView> {
    const fields: WordRuleFields = {
      pattern: body.pattern,
      level: body.level,
      category: body.category,
      matchMode: body.matchMode ?? 'substring',
      enabled: body.enabled ?? true,
      note: body.note ?? null,
    };
    try {
      const view = await this.repository.transaction(async (manager) => {
        const created = await this.repository.insert(manager, fields);
        await this.audit.record(manager, actor.id, 'create', ENTITY, created.id, null, snapshotOf(created));
        return toView(created);
      });
      this.filter.invalidate();
      return view;
    } catch (error) {
      throw isUniqueViolation(error) ? duplicate(body.pattern) : error;
    }
  }

  async update(actor: AuthUser, id: string, body: UpdateWordRuleDto): Promise<WordRuleView> {
    const changes = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as Partial<WordRuleFields>;
    try {
      const view = await this.repository.transaction(async (manager) => {
        const current = await this.repository.findById(id, manager);
        if (!current) throw new NotFoundError('词条');
        await this.repository.update(manager, id, changes);
        const updated = await this.repository.findById(id, manager);
        if (!updated) throw new NotFoundError('词条');
        await this.audit.record(manager, actor.id, 'update', ENTITY, id, snapshotOf(current), snapshotOf(updated));
        return toView(updated);
      });
      this.filter.invalidate();
      return view;
    } catch (error) {
      throw isUniqueViolation(error) ? duplicate(body.pattern ?? '') : error;
    }
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    await this.repository.transaction(async (manager) => {
      const current = await this.repository.findById(id, manager);
      if (!current) throw new NotFoundError('词条');
      await this.repository.delete(manager, id);
      await this.audit.record(manager, actor.id, 'delete', ENTITY, id, snapshotOf(current), null);
    });
    this.filter.invalidate();
  }
}
