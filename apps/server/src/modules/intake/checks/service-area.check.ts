import { Injectable } from '@nestjs/common';
import { IntakeRepository } from '../intake.repository';
import { reason } from '../intake-reasons';
import { PASS, type CheckResult, type IntakeCheck, type IntakeInput } from './intake-check';

/** A point outside the city's outline is not the city's to handle: rejected, naming the city. */
@Injectable()
export class ServiceAreaCheck implements IntakeCheck {
  readonly name = 'service_area';

  constructor(private readonly intake: IntakeRepository) {}

  async run(input: IntakeInput): Promise<CheckResult> {
    if (input.inServiceArea) return PASS;
    const city = await this.intake.cityName();
    return { verdict: 'reject', reason: reason('OUT_OF_AREA', `该位置不在${city}服务范围内，请确认定位是否准确；外地问题请向当地政府反映`) };
  }
}
