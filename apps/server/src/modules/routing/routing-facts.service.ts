import { Injectable } from '@nestjs/common';
import { buildRoutingFacts, type ReportSource, type RoutingFacts } from '@ssp/rules';
import { normalizeText } from '@ssp/text';
import type { Category } from '../categories/entities/category.entity';
import { ancestorsOf } from './region-ancestors.util';
import { RoutingReferenceRepository } from './routing-reference.repository';

/** Region parents and category keywords change rarely (imports, admin edits): each instance re-reads them this often. */
const REFERENCE_TTL_MS = 60_000;

export interface ReportRoutingInput {
  /** The report's category with its parent loaded, or null when it has none yet. */
  category: Category | null;
  /** District adcode from the location, or null outside every district. */
  regionCode: string | null;
  description: string;
  reportedAt: Date;
  supporterCount?: number;
  source?: ReportSource;
}

interface ReferenceData {
  regionParents: Map<string, string | null>;
  keywords: string[];
}

/** The facts of one report that routing rules test (libs/rules `RoutingFacts`). */
@Injectable()
export class RoutingFactsService {
  private cached: { expiresAt: number; data: Promise<ReferenceData> } | null = null;

  constructor(private readonly reference: RoutingReferenceRepository) {}

  async factsOf(input: ReportRoutingInput): Promise<RoutingFacts> {
    const { regionParents, keywords } = await this.referenceData();
    const text = normalizeText(input.description).text;
    const { category } = input;
    return buildRoutingFacts({
      categoryCode: category?.code ?? null,
      // A 大类 chosen on its own is its own top category.
      parentCategoryCode: category ? (category.parent?.code ?? (category.parentId === null ? category.code : null)) : null,
      regionCode: input.regionCode,
      regionAncestors: input.regionCode ? ancestorsOf(input.regionCode, regionParents) : [],
      text,
      keywords: keywords.filter((keyword) => text.includes(keyword)),
      reportedAt: input.reportedAt,
      supporterCount: input.supporterCount ?? 1,
      source: input.source ?? 'app',
    });
  }

  private referenceData(): Promise<ReferenceData> {
    const now = Date.now();
    if (this.cached && this.cached.expiresAt > now) return this.cached.data;
    const data = Promise.all([this.reference.regionParents(), this.reference.categoryKeywords()]).then(([regionParents, keywords]) => ({
      regionParents,
      keywords: [...new Set(keywords.map((keyword) => normalizeText(keyword).text).filter((keyword) => keyword.length > 0))],
    }));
    const entry = { expiresAt: now + REFERENCE_TTL_MS, data };
    this.cached = entry;
    data.catch(() => {
      if (this.cached === entry) this.cached = null;
    });
    return data;
  }
}

