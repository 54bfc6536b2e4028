import { Injectable } from '@nestjs/common';
import type { PhotoQualityFlag } from '@ssp/contracts';
import { reason } from '../intake-reasons';
import { PASS, type CheckResult, type IntakeCheck, type IntakeInput } from './intake-check';

/** Flags that leave nothing to see; `too_bright` alone still shows the scene. */
const UNUSABLE: readonly PhotoQualityFlag[] = ['blank', 'too_dark', 'blurry', 'low_resolution'];

/** A report whose every photo is unusable cannot be handled from its photos: rejected with what to do. */
@Injectable()
export class PhotoQualityCheck implements IntakeCheck {
  readonly name = 'photo_quality';

  async run(input: IntakeInput): Promise<CheckResult> {
    if (input.photos.length === 0) return PASS;
    const usable = input.photos.some((photo) => !photo.qualityFlags.some((flag) => UNUSABLE.includes(flag)));
    return usable ? PASS : { verdict: 'reject', reason: reason('PHOTO_UNUSABLE') };
  }
}
