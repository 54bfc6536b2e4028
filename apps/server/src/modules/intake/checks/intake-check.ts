import type { IntakeCheckName, Reason, ReportLocation } from '@ssp/contracts';
import type { LatLng } from '@ssp/geo';
import type { AuthUser } from '../../../core/auth/auth-user';
import type { SameTextReport, SubmittedPhoto } from '../intake.repository';

/** What every filter of the pipeline may look at; built once per submission. */
export interface IntakeInput {
  user: AuthUser;
  description: string;
  location: ReportLocation;
  /** The position in GCJ-02, the system of the stored outlines and tickets. */
  gcj: LatLng;
  inServiceArea: boolean;
  photos: SubmittedPhoto[];
  /** sha256 of the normalised description. */
  textHash: string;
  /** The day's earlier reports with the same text, newest first, at most SAME_TEXT_SCAN_LIMIT. */
  sameTextToday: SameTextReport[];
  now: Date;
}

export type CheckResult = { verdict: 'pass'; reason?: Reason } | { verdict: 'reject' | 'review'; reason: Reason };

/** One named step of ARCHITECTURE.md §6 step 2. Checks read; they never write. */
export interface IntakeCheck {
  readonly name: IntakeCheckName;
  run(input: IntakeInput): Promise<CheckResult>;
}

export const PASS: CheckResult = { verdict: 'pass' };
