import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type IntakeCheckRecord, type Reason, type ReportOutcome } from '@ssp/contracts';
import { toGcj02 } from '@ssp/geo';
import { normalizeText } from '@ssp/text';
import type { AuthUser } from '../../core/auth/auth-user';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { DomainError } from '../../core/errors/domain.error';
import { RegionsService } from '../regions/regions.service';
import type { CreateReportDto } from '../reports/dto/create-report.dto';
import { ImageModerationCheck } from './checks/image-moderation.check';
import { PhotoQualityCheck } from './checks/photo-quality.check';
import { PhotoReuseCheck } from './checks/photo-reuse.check';
import { RepeatedTextCheck, SAME_TEXT_SCAN_LIMIT } from './checks/repeated-text.check';
import { ServiceAreaCheck } from './checks/service-area.check';
import { SpamCheck } from './checks/spam.check';
import { TextRulesCheck } from './checks/text-rules.check';
import type { IntakeCheck, IntakeInput } from './checks/intake-check';
import { IntakeRepository, type SubmissionHistory, type SubmittedPhoto } from './intake.repository';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The filters' verdict on a submission, before classification, dedupe and routing. */
export interface FilterVerdict {
  outcome: Extract<ReportOutcome, 'accepted' | 'rejected' | 'review'>;
  reasons: Reason[];
  checks: IntakeCheckRecord[];
  input: IntakeInput;
  regionCode: string | null;
}

/**
 * ARCHITECTURE.md §6 steps 1–2: validate, then run the named filters in order. Every result is kept
 * for the report; the first reject stops the filters, a review lets the others run so the moderator
 * sees every concern at once.
 */
@Injectable()
export class IntakeService {
  private readonly filters: readonly IntakeCheck[];

  constructor(
    private readonly intake: IntakeRepository,
    private readonly regions: RegionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    serviceArea: ServiceAreaCheck,
    textRules: TextRulesCheck,
    spam: SpamCheck,
    repeatedText: RepeatedTextCheck,
    photoReuse: PhotoReuseCheck,
    photoQuality: PhotoQualityCheck,
    imageModeration: ImageModerationCheck,
  ) {
    const filters: IntakeCheck[] = [serviceArea, textRules, spam, repeatedText, photoReuse, photoQuality];
    if (config.intake.imageModeration.enabled) filters.push(imageModeration);
    this.filters = filters;
  }

  /**
   * The day's reports a submission is checked against, read once: the resident's report with the same
   * clientRequestId, the newest reports of the resident and of the device (rate limits), and the newest
   * with the same normalised text (repeated_text).
   */
  history(user: AuthUser, dto: CreateReportDto, textHash: string, now: Date): Promise<SubmissionHistory> {
    return this.intake.submissionHistory({
      reporterId: user.id,
      clientRequestId: dto.clientRequestId,
      deviceId: dto.deviceId ?? null,
      textHash,
      since: new Date(now.getTime() - DAY_MS),
      hourStart: new Date(now.getTime() - HOUR_MS),
      hourLimit: this.config.intake.reportsPerHour,
      dayLimit: this.config.intake.reportsPerDay,
      sameTextLimit: SAME_TEXT_SCAN_LIMIT,
    });
  }

  /**
   * Per resident and per device: a rolling hour and a rolling day. Over either: 429, not a report, with
   * the time until the window frees a place (when its `limit`-th newest report leaves it, from `history`).
   */
  assertWithinRateLimits(history: SubmissionHistory, deviceId: string | undefined, now: Date): void {
    for (const fill of deviceId ? [history.reporter, history.device] : [history.reporter]) {
      for (const [windowMs, filledAt] of [[HOUR_MS, fill.hour], [DAY_MS, fill.day]] as const) {
        if (!filledAt) continue;
        const retryAfterSeconds = Math.max(1, Math.ceil((filledAt.getTime() + windowMs - now.getTime()) / 1000));
        const wait = retryAfterSeconds >= 3600 ? `${Math.ceil(retryAfterSeconds / 3600)} 小时` : `${Math.ceil(retryAfterSeconds / 60)} 分钟`;
        throw new DomainError(ErrorCode.RATE_LIMITED, `提交太频繁了，请 ${wait}后再试`, { retryAfterSeconds });
      }
    }
  }

  /** `photos`: the report's photos as read when attaching was checked; `history`: see `history`. */
  async filter(user: AuthUser, dto: CreateReportDto, now: Date, photos: SubmittedPhoto[], history: SubmissionHistory, textHash: string): Promise<FilterVerdict> {
    const located = await this.regions.locate(dto.location);
    const input: IntakeInput = {
      user,
      description: dto.description.trim(),
      location: dto.location,
      gcj: toGcj02(dto.location),
      inServiceArea: located.inServiceArea,
      photos,
      textHash,
      sameTextToday: history.sameText,
      now,
    };
    const checks: IntakeCheckRecord[] = [];
    const reasons: Reason[] = [];
    let outcome: FilterVerdict['outcome'] = 'accepted';
    for (const check of this.filters) {
      const result = await check.run(input);
      checks.push({ check: check.name, verdict: result.verdict, ...(result.reason ? { reason: result.reason } : {}) });
      if (result.verdict === 'pass') continue;
      if (result.verdict === 'reject') {
        // A rejection is final: the resident reads its reason, not the earlier review notes.
        return { outcome: 'rejected', reasons: [result.reason], checks, input, regionCode: located.district?.code ?? null };
      }
      outcome = 'review';
      reasons.push(result.reason);
    }
    return { outcome, reasons, checks, input, regionCode: located.district?.code ?? null };
  }
}

/** The fingerprint of a text for "the same text again": normalised, so width, case and spaces do not hide it. */
export function textHashOf(description: string): string {
  return createHash('sha256').update(normalizeText(description).text).digest('hex');
}
