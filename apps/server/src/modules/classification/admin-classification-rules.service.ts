import { Injectable } from '@nestjs/common';
import { ErrorCode, type ClassificationRuleView } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { isUniqueViolation } from '../../core/database/database-error.util';
import { DomainError, NotFoundError } from '../../core/errors/domain.error';
import { AuditService } from '../audit/audit.service';
import type { AuditSnapshot } from '../audit/entities/audit-entry.entity';
import { ClassificationRulesRepository } from './classification-rules.repository';
import { ClassifierService } from './classifier.service';
import type { CreateClassificationRuleDto, UpdateClassificationRuleDto } from './dto/classification-rule.dto';
import type { ClassificationRule } from './entities/classification-rule.entity';

const ENTITY = 'classification_rule';

function toView(rule: ClassificationRule): ClassificationRuleView {
  return {
    id: rule.id,
    keyword: rule.keyword,
    category: { code: rule.category?.code ?? '', name: rule.category?.name ?? '' },
    enabled: rule.enabled,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}

function snapshotOf(rule: ClassificationRule): AuditSnapshot {
  return { keyword: rule.keyword, categoryCode: rule.category?.code ?? null, enabled: rule.enabled };
}

function duplicate(keyword: string): DomainError {
  return new DomainError(ErrorCode.CONFLICT, `关键词“${keyword}”已有分类规则`, { field: 'keyword' });
}

/** Keyword → category rules that override the model (a city's own terms: 井盖缺失 is always 井盖). */
@Injectable()
export class AdminClassificationRulesService {
  constructor(
    private readonly repository: ClassificationRulesRepository,
    private readonly classifier: ClassifierService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ClassificationRuleView[]> {
    return (await this.repository.all()).map(toView);
  }

  async create(actor: AuthUser, body: CreateClassificationRuleDto): Promise<ClassificationRuleView> {
    const categoryId = await this.leafCategoryId(body.categoryCode);
    try {
      const view = await this.repository.transaction(async (manager) => {
        const id = await this.repository.insert(manager, { keyword: body.keyword, categoryId, enabled: body.enabled ?? true });
        const created = await this.repository.findById(id, manager);
        if (!created) throw new NotFoundError('分类规则');
        await this.audit.record(manager, actor.id, 'create', ENTITY, id, null, snapshotOf(created));
        return toView(created);
      });
      this.classifier.invalidate();
      return view;
    } catch (error) {
      throw isUniqueViolation(error) ? duplicate(body.keyword) : error;
    }
  }

  async update(actor: AuthUser, id: string, body: UpdateClassificationRuleDto): Promise<ClassificationRuleView> {
    const categoryId = body.categoryCode ? await this.leafCategoryId(body.categoryCode) : undefined;
    try {
      const view = await this.repository.transaction(async (manager) => {
        const current = await this.repository.findById(id, manager);
        if (!current) throw new NotFoundError('分类规则');
        await this.repository.update(manager, id, {
          ...(body.keyword !== undefined ? { keyword: body.keyword } : {}),
          ...(categoryId !== undefined ? { categoryId } : {}),
          ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
        });
        const updated = await this.repository.findById(id, manager);
        if (!updated) throw new NotFoundError('分类规则');
        await this.audit.record(manager, actor.id, 'update', ENTITY, id, snapshotOf(current), snapshotOf(updated));
        return toView(updated);
      });
      this.classifier.invalidate();
      return view;
    } catch (error) {
      throw isUniqueViolation(error) ? duplicate(body.keyword ?? '') : error;
    }
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    await this.repository.transaction(async (manager) => {
      const current = await this.repository.findById(id, manager);
      if (!current) throw new NotFoundError('分类规则');
      await this.repository.delete(manager, id);
      await this.audit.record(manager, actor.id, 'delete', ENTITY, id, snapshotOf(current), null);
    });
    this.classifier.invalidate();
  }

  private async leafCategoryId(code: string): Promise<string> {
    const category = (await this.repository.activeCategories()).find((candidate) => candidate.code === code);
    if (!category) throw new DomainError(ErrorCode.VALIDATION_FAILED, `问题类型 ${code} 不存在或已停用`, { field: 'categoryCode' });
    if (!category.parentId) throw new DomainError(ErrorCode.VALIDATION_FAILED, '请选择具体的小类', { field: 'categoryCode' });
    return category.id;
  }
}
