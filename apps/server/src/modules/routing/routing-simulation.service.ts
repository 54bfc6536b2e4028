import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@ssp/contracts';
import { parseIsoDateTime } from '@ssp/rules';
import { DomainError } from '../../core/errors/domain.error';
import type { Category } from '../categories/entities/category.entity';
import { ClassifierService } from '../classification/classifier.service';
import { RegionsService } from '../regions/regions.service';
import { TicketDeadlinesService } from '../tickets/ticket-deadlines.service';
import type { RoutingSimulationDto, SimulateRoutingDto, SimulatedClassificationDto } from './dto/routing-simulation.dto';
import { ReportRoutingService } from './report-routing.service';
import { RoutingReferenceRepository } from './routing-reference.repository';

/**
 * Dry-runs a sample report through the steps intake uses — region lookup, classification, the rule
 * set (draft or live), the default table — and answers where it would go and why. Writes nothing.
 */
@Injectable()
export class RoutingSimulationService {
  constructor(
    private readonly regions: RegionsService,
    private readonly classifier: ClassifierService,
    private readonly reference: RoutingReferenceRepository,
    private readonly reports: ReportRoutingService,
    private readonly deadlines: TicketDeadlinesService,
  ) {}

  async simulate(body: SimulateRoutingDto): Promise<RoutingSimulationDto> {
    const at = this.instantOf(body.at);
    const located = await this.regions.locate(body.location);
    const { category, classification } = await this.categoryOf(body);
    const routing = await this.reports.routeReport(
      { category, regionCode: located.district?.code ?? null, description: body.description, reportedAt: at },
      body.rules ?? 'draft',
    );
    const policy = routing.department ? await this.deadlines.policyFor(routing.category?.id ?? null, routing.slaPolicyCode) : null;
    const matched = routing.decision && routing.evaluation?.trace.find((entry) => entry.ruleId === routing.decision?.ruleId);
    return {
      category: routing.category ? { code: routing.category.code, name: routing.category.name } : null,
      classification,
      region: located.district,
      inServiceArea: located.inServiceArea,
      department: routing.department ? { code: routing.department.code, name: routing.department.name } : null,
      slaPolicy: policy ? { code: policy.code, name: policy.name } : null,
      priority: routing.priority,
      routedBy: routing.routedBy,
      matchedRule: matched ? { id: matched.ruleId, name: matched.ruleName, order: matched.order } : null,
      ruleSet: routing.ruleSet,
      trace: routing.evaluation?.trace ?? [],
      explanation: routing.trace.join('；'),
      steps: routing.trace,
      at: at.toISOString(),
    };
  }

  private instantOf(text: string | undefined): Date {
    if (text === undefined) return new Date();
    const ms = parseIsoDateTime(text);
    if (ms === null) throw new DomainError(ErrorCode.VALIDATION_FAILED, '时间必须是带时区的 ISO 8601 格式，如 2026-03-10T23:00:00+08:00', { field: 'at' });
    return new Date(ms);
  }

  /** As intake decides it: the resident's choice, else the classifier above its confidence threshold. */
  private async categoryOf(body: SimulateRoutingDto): Promise<{ category: Category | null; classification: SimulatedClassificationDto | null }> {
    if (body.categoryCode !== undefined) {
      const chosen = await this.reference.findCategory(body.categoryCode);
      if (!chosen?.active) throw new DomainError(ErrorCode.VALIDATION_FAILED, `类别 ${body.categoryCode} 不存在或已停用`, { field: 'categoryCode' });
      return { category: chosen, classification: { code: chosen.code, name: chosen.name, confidence: 1, source: 'resident', accepted: true } };
    }
    const result = await this.classifier.classify(body.description);
    if (!result) return { category: null, classification: null };
    const accepted = result.source === 'keyword_rule' || result.confidence >= this.classifier.minConfidence;
    return {
      category: accepted ? result.category : null,
      classification: {
        code: result.category.code,
        name: result.category.name,
        confidence: Math.round(result.confidence * 1000) / 1000,
        source: result.source,
        accepted,
      },
    };
  }
}
