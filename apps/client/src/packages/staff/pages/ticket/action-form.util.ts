import { transitionOf, type StaffAdminAction, type TicketActionRequest } from '@ssp/contracts';
import { endOfBeijingDayIso, formatDateValue } from '@/utils/time.util';

export type FieldNeed = 'required' | 'optional' | 'hidden';

/** What the form of one action shows and insists on. */
export interface ActionFormSpec {
  action: StaffAdminAction;
  /** The transition's Chinese label, e.g. 签收. */
  label: string;
  note: FieldNeed;
  noteLabel: string;
  department: FieldNeed;
  until: FieldNeed;
  photos: FieldNeed;
  /** reclassify: the corrected 小类. */
  category: FieldNeed;
  /** merge: the ticket number this one joins. */
  targetTicketNo: FieldNeed;
  /** split: the report taken out into a ticket of its own. */
  report: FieldNeed;
  /** Steps forward are primary, requests to someone else secondary, refusing or backward steps red. */
  tone: 'primary' | 'secondary' | 'danger';
}

export interface ActionFormValues {
  note: string;
  departmentCode: string | null;
  /** `YYYY-MM-DD`, the date picker's value. */
  until: string | null;
  photoIds: string[];
  categoryCode: string | null;
  /** As typed; normalised (trimmed, upper case) when checked and sent. */
  targetTicketNo: string;
  reportId: string | null;
}

export interface ActionFormContext {
  /** Today as `YYYY-MM-DD`. */
  today: string;
  /** The ticket's department: a transfer must name another one. */
  currentDepartmentCode: string | null;
  /** The ticket's own category: a reclassification must name another one. */
  currentCategoryCode?: string | null;
  /** The ticket's own number: it cannot be merged into itself. */
  ticketNo?: string;
  /** The id of the ticket's first report: the one that made the ticket, which cannot be split off. */
  firstReportId?: string | null;
}

export const EMPTY_ACTION_VALUES: ActionFormValues = {
  note: '',
  departmentCode: null,
  until: null,
  photoIds: [],
  categoryCode: null,
  targetTicketNo: '',
  reportId: null,
};

/** Ticket numbers as the server makes them: GD, the Beijing day, a five-digit serial. */
export const TICKET_NO_PATTERN = /^GD\d{13}$/;
export const TICKET_NO_HINT = '工单号为 GD 加 13 位数字，如 GD2025060100001';

export function normalisedTicketNo(typed: string): string {
  return typed.replace(/\s+/g, '').toUpperCase();
}

/**
 * What the transition table does not say because the request does not require it, but the work
 * does: result photos with a resolution, a suggested department with a transfer request, an
 * instruction with a dispatch.
 */
type OptionalFields = Partial<Pick<ActionFormSpec, 'note' | 'department' | 'photos'>>;
const OPTIONAL_EXTRAS: Partial<Record<StaffAdminAction, OptionalFields>> = {
  resolve: { photos: 'optional' },
  request_transfer: { department: 'optional' },
  dispatch: { note: 'optional' },
};

const NOTE_LABELS: Record<StaffAdminAction, string> = {
  dispatch: '派单说明',
  reject: '不予受理的原因（市民可见）',
  accept: '备注',
  return: '退单原因',
  transfer: '转派原因',
  request_transfer: '申请转派的原因',
  request_extension: '延期原因',
  approve_extension: '备注',
  deny_extension: '驳回理由',
  resolve: '办理情况答复（市民可见）',
  reclassify: '更正说明',
  merge: '合并原因',
  split: '拆分原因',
};

const DANGER_ACTIONS: readonly StaffAdminAction[] = ['reject', 'return', 'deny_extension'];
const SECONDARY_ACTIONS: readonly StaffAdminAction[] = ['request_transfer', 'request_extension', 'reclassify', 'merge', 'split'];

function toneOf(action: StaffAdminAction): ActionFormSpec['tone'] {
  if (DANGER_ACTIONS.includes(action)) return 'danger';
  return SECONDARY_ACTIONS.includes(action) ? 'secondary' : 'primary';
}

function need(required: boolean, extra: FieldNeed | undefined): FieldNeed {
  if (required) return 'required';
  return extra ?? 'hidden';
}

/** The form of `action`, from the transition table's `requires` plus the optional extras above. */
export function actionFormSpec(action: StaffAdminAction): ActionFormSpec {
  const transition = transitionOf(action);
  const extras = OPTIONAL_EXTRAS[action] ?? {};
  return {
    action,
    label: transition.label,
    note: need(transition.requires.note, extras.note),
    noteLabel: NOTE_LABELS[action],
    department: need(transition.requires.departmentCode, extras.department),
    until: transition.requires.until ? 'required' : 'hidden',
    photos: extras.photos ?? 'hidden',
    category: transition.requires.categoryCode ? 'required' : 'hidden',
    targetTicketNo: transition.requires.targetTicketNo ? 'required' : 'hidden',
    report: transition.requires.reportId ? 'required' : 'hidden',
    tone: toneOf(action),
  };
}

/** An action with nothing to fill in is taken with one tap. */
export function needsForm(spec: ActionFormSpec): boolean {
  return [spec.note, spec.department, spec.until, spec.photos, spec.category, spec.targetTicketNo, spec.report].some(
    (field) => field !== 'hidden',
  );
}

/** The first thing that stops the form from being sent, as the message to show; null when complete. */
export function actionFormProblem(
  spec: ActionFormSpec,
  values: ActionFormValues,
  context: ActionFormContext,
): string | null {
  if (spec.department === 'required' && !values.departmentCode) return '请选择部门';
  if (spec.action === 'transfer' && values.departmentCode === context.currentDepartmentCode) return '请选择另一个部门';
  if (spec.until === 'required') {
    if (!values.until) return '请选择新的办结日期';
    if (values.until <= context.today) return '新的办结日期须晚于今天';
  }
  if (spec.category === 'required') {
    if (!values.categoryCode) return '请选择正确的小类';
    if (values.categoryCode === context.currentCategoryCode) return '请选择与当前不同的小类';
  }
  if (spec.targetTicketNo === 'required') {
    const target = normalisedTicketNo(values.targetTicketNo);
    if (target === '') return '请填写要合并到的工单号';
    if (!TICKET_NO_PATTERN.test(target)) return `工单号格式不对：${TICKET_NO_HINT}`;
    if (target === context.ticketNo) return '不能合并到本工单';
  }
  if (spec.report === 'required') {
    if (!values.reportId) return '请选择要拆分出去的上报';
    if (values.reportId === context.firstReportId) return '首次上报是本工单的来源，不能拆分';
  }
  if (spec.note === 'required' && values.note.trim() === '') return `请填写${spec.noteLabel.replace(/（.*）$/, '')}`;
  return null;
}

/** The request body: only the fields this action takes, plus `version` for the optimistic lock. */
export function actionRequestOf(spec: ActionFormSpec, values: ActionFormValues, version: number): TicketActionRequest {
  const note = values.note.trim();
  return {
    action: spec.action,
    version,
    ...(spec.note !== 'hidden' && note !== '' ? { note } : {}),
    ...(spec.department !== 'hidden' && values.departmentCode ? { departmentCode: values.departmentCode } : {}),
    ...(spec.until !== 'hidden' && values.until ? { until: endOfBeijingDayIso(values.until) } : {}),
    ...(spec.photos !== 'hidden' && values.photoIds.length > 0 ? { photoIds: values.photoIds } : {}),
    ...(spec.category !== 'hidden' && values.categoryCode ? { categoryCode: values.categoryCode } : {}),
    ...(spec.targetTicketNo !== 'hidden' && values.targetTicketNo.trim() !== ''
      ? { targetTicketNo: normalisedTicketNo(values.targetTicketNo) }
      : {}),
    ...(spec.report !== 'hidden' && values.reportId ? { reportId: values.reportId } : {}),
  };
}

export function todayValue(now = new Date()): string {
  return formatDateValue(now);
}
