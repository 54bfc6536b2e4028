import { Inject, Injectable } from '@nestjs/common';
import { haversineMetres, toGcj02 } from '@ssp/geo';
import type { AppConfig } from '../../../core/config/app-config';
import { APP_CONFIG } from '../../../core/config/config.module';
import { reason } from '../intake-reasons';
import { PASS, type CheckResult, type IntakeCheck, type IntakeInput } from './intake-check';

const HOUR_MS = 3_600_000;
/** The same resident's same words this close to their earlier report are that report again. */
const SAME_PLACE_METRES = 100;
/** Enough rows to see a flood without reading it. */
export const SAME_TEXT_SCAN_LIMIT = 200;

/**
 * The same text again: from the same resident at the same place within a day it is a resubmission
 * (rejected, pointing at the first); from several residents within an hour it looks orchestrated
 * (held for review). The same words at a different place are a different problem ("路灯不亮").
 */
@Injectable()
export class RepeatedTextCheck implements IntakeCheck {
  readonly name = 'repeated_text';

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async run(input: IntakeInput): Promise<CheckResult> {
    // One read serves both windows: the day's newest reports (read with the submission's history), of
    // which the hour's are the newest.
    const earlier = input.sameTextToday;
    const own = earlier.find(
      (report) => report.reporterId === input.user.id && haversineMetres(toGcj02(report), input.gcj) <= SAME_PLACE_METRES,
    );
    if (own) {
      return { verdict: 'reject', reason: reason('REPEATED_TEXT', `您已提交过相同的内容（${own.reportNo}），请勿重复提交；可在“我的上报”中查看进度`) };
    }
    const hourStart = input.now.getTime() - HOUR_MS;
    const hourAgo = earlier.filter((report) => report.createdAt.getTime() > hourStart);
    const others = new Set(hourAgo.map((report) => report.reporterId).filter((id) => id !== input.user.id));
    if (others.size + 1 >= this.config.intake.sameTextReviewUsers) return { verdict: 'review', reason: reason('REPEATED_TEXT', '短时间内多位用户提交了完全相同的内容，已转人工核实') };
    return PASS;
  }
}
