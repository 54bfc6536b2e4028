import { Injectable } from '@nestjs/common';
import { spamSignals, type SpamSignal } from '@ssp/text';
import type { IntakeReasonCode } from '@ssp/contracts';
import { reason } from '../intake-reasons';
import { PASS, type CheckResult, type IntakeCheck, type IntakeInput } from './intake-check';

/** Which signal stops a report, and how. Repeated characters alone are odd, not proof: a person looks. */
const VERDICTS: Record<SpamSignal['code'], { verdict: 'reject' | 'review'; code: IntakeReasonCode }> = {
  LINK: { verdict: 'reject', code: 'SPAM_LINK' },
  AD_CONTACT: { verdict: 'reject', code: 'SPAM_AD' },
  GIBBERISH: { verdict: 'reject', code: 'GIBBERISH' },
  EMPTY_TEXT: { verdict: 'reject', code: 'EMPTY_TEXT' },
  REPEATED_CHARS: { verdict: 'review', code: 'GIBBERISH' },
};

/** Links, ad contacts, keyboard mashing, empty or repeated-character text (libs/text heuristics). */
@Injectable()
export class SpamCheck implements IntakeCheck {
  readonly name = 'spam';

  async run(input: IntakeInput): Promise<CheckResult> {
    const verdicts = spamSignals(input.description).map((signal) => VERDICTS[signal.code]);
    const decisive = verdicts.find((entry) => entry.verdict === 'reject') ?? verdicts[0];
    return decisive ? { verdict: decisive.verdict, reason: reason(decisive.code) } : PASS;
  }
}
