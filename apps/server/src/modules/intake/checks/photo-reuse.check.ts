import { Injectable } from '@nestjs/common';
import { IntakeRepository } from '../intake.repository';
import { reason } from '../intake-reasons';
import { PASS, type CheckResult, type IntakeCheck, type IntakeInput } from './intake-check';

/**
 * A photo (byte-identical, or the same picture re-encoded: equal perceptual hash) that another person
 * already attached to a report: someone may be passing off a picture that is not theirs. A person checks.
 */
@Injectable()
export class PhotoReuseCheck implements IntakeCheck {
  readonly name = 'photo_reuse';

  constructor(private readonly intake: IntakeRepository) {}

  async run(input: IntakeInput): Promise<CheckResult> {
    if (!(await this.intake.photoUsedByOthers(input.photos, input.user.id))) return PASS;
    return { verdict: 'review', reason: reason('PHOTO_REUSED') };
  }
}
