import { Injectable } from '@nestjs/common';
import type { Category } from '../categories/entities/category.entity';
import { RoutingFactsService, type ReportRoutingInput } from './routing-facts.service';
import { RoutingReferenceRepository } from './routing-reference.repository';
import { RoutingService, type RoutedReport, type RuleSetSource } from './routing.service';

export interface ReportRouting extends RoutedReport {
  /** The ticket's category: the report's own, or the one the matched rule reclassified it to. */
  category: Category | null;
}

/** A report's facts → the rule set → the department, with the rule's reclassification applied. Reads only. */
@Injectable()
export class ReportRoutingService {
  constructor(
    private readonly facts: RoutingFactsService,
    private readonly routing: RoutingService,
    private readonly reference: RoutingReferenceRepository,
  ) {}

  async routeReport(input: ReportRoutingInput, source: RuleSetSource = 'live'): Promise<ReportRouting> {
    const routed = await this.routing.route(await this.facts.factsOf(input), input.reportedAt, source);
    const code = routed.categoryCode;
    if (code === null || code === input.category?.code) return { ...routed, category: input.category };
    const category = await this.reference.findCategory(code);
    if (!category?.active) {
      return { ...routed, categoryCode: null, category: input.category, trace: [...routed.trace, `规则指定的类别 ${code} 不存在或已停用，保留原类别`] };
    }
    return { ...routed, category, trace: [...routed.trace, `按规则改为类别：${categoryPath(category)}`] };
  }
}

export function categoryPath(category: Category): string {
  return `${category.parent ? `${category.parent.name}/` : ''}${category.name}`;
}
