import { Injectable } from '@nestjs/common';
import { TextFilterService } from '../../filtering/text-filter.service';
import { reason } from '../intake-reasons';
import { PASS, type CheckResult, type IntakeCheck, type IntakeInput } from './intake-check';

/** The admins' word rules on the normalised text: a block word rejects, a review word holds the report. */
@Injectable()
export class TextRulesCheck implements IntakeCheck {
  readonly name = 'text_rules';

  constructor(private readonly filter: TextFilterService) {}

  async run(input: IntakeInput): Promise<CheckResult> {
    const hits = await this.filter.hits(input.description);
    if (hits.some((hit) => hit.level === 'block')) return { verdict: 'reject', reason: reason('BLOCKED_WORDS') };
    if (hits.some((hit) => hit.level === 'review')) return { verdict: 'review', reason: reason('REVIEW_WORDS') };
    return PASS;
  }
}
