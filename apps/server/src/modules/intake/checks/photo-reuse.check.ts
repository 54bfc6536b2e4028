import { Injectable } from '@nestjs/common';
import { reason } from '../intake-reasons';
import { PASS, type CheckResult, type IntakeCheck, type IntakeInput } from './intake-check';

/**
 * A photo (byte-identical, or the same picture re-encoded: equal perceptual hash) that another person
 * already attached to a report: someone may be passing off a picture that is not theirs. A person checks.
 * The fact is read with the photos themselves (PhotosRepository.findOwnedWithReuse).
 */
@Injectable()
export class PhotoReuseCheck implements IntakeCheck {
  readonly name = 'photo_reuse';

  run(input: IntakeInput): Promise<CheckResult> {
    if (!input.photos.some((photo) => photo.usedByOthers)) return Promise.resolve(PASS);
    return Promise.resolve({ verdict: 'review', reason: reason('PHOTO_REUSED') });
  }
}
