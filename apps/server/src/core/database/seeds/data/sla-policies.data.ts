import { COMMAND_CENTRE_DEPARTMENT_CODE, type DepartmentCode } from './departments.data';

/**
 * SLA policies (处置时限标准). A category names its default policy; routing rules may pick another.
 *
 * Units: `acceptWithinMinutes` is the time to sign for (签收) after dispatch, `resolveWithinHours` the
 * time to close (办结) after dispatch. When `workingHoursOnly` is true both count working time only
 * (the SLA module owns the calendar: weekdays, office hours, public holidays); otherwise they count
 * wall-clock time, because hazards to people do not wait for Monday morning.
 */
export interface SlaPolicySeed {
  readonly code: string;
  readonly name: string;
  /** Shown to admins when choosing a policy for a category or rule. */
  readonly description: string;
  readonly acceptWithinMinutes: number;
  readonly resolveWithinHours: number;
  readonly workingHoursOnly: boolean;
  /** Who receives the 督办 escalation when the deadline passes; null = escalation events only. */
  readonly escalateToDepartmentCode: DepartmentCode | null;
}

// Escalations go to the city command centre because supervising departments (督办) is its job.
const COMMAND_CENTRE = COMMAND_CENTRE_DEPARTMENT_CODE;

export const SLA_POLICIES = [
  {
    code: 'URGENT',
    name: '紧急',
    description: '危及人身或财产安全的险情，30分钟内签收，4小时内处置完毕，全天候计时。',
    acceptWithinMinutes: 30,
    resolveWithinHours: 4,
    workingHoursOnly: false,
    escalateToDepartmentCode: COMMAND_CENTRE,
  },
  {
    code: 'PRIORITY',
    name: '较急',
    description: '影响通行或群众生活的问题，2小时内签收，24小时内处置完毕，全天候计时。',
    acceptWithinMinutes: 120,
    resolveWithinHours: 24,
    workingHoursOnly: false,
    escalateToDepartmentCode: COMMAND_CENTRE,
  },
  {
    code: 'NORMAL',
    name: '一般',
    description: '常见市容秩序问题，4个工作小时内签收，72个工作小时内处置完毕。',
    acceptWithinMinutes: 240,
    resolveWithinHours: 72,
    workingHoursOnly: true,
    escalateToDepartmentCode: COMMAND_CENTRE,
  },
  {
    // Calendar time on purpose: "15 days" is what residents are told, and a working-time count
    // would stretch it to about four weeks once weekends are skipped.
    code: 'COMPLEX',
    name: '复杂工程',
    description: '需要立项、维修施工或多部门协调的问题，1天内签收，15天内处置完毕。',
    acceptWithinMinutes: 1440,
    resolveWithinHours: 360,
    workingHoursOnly: false,
    escalateToDepartmentCode: COMMAND_CENTRE,
  },
  {
    // Working time assumes an 8-hour office day: 1 working day = 480 min, 10 working days = 80 h.
    code: 'ADVISORY',
    name: '建议类',
    description: '意见建议与非紧急的长期性问题，1个工作日内签收，10个工作日内答复。',
    acceptWithinMinutes: 480,
    resolveWithinHours: 80,
    workingHoursOnly: true,
    escalateToDepartmentCode: null,
  },
] as const satisfies readonly SlaPolicySeed[];

export type SlaPolicyCode = (typeof SLA_POLICIES)[number]['code'];
