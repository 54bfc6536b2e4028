import { STAFF_ADMIN_ACTIONS, transitionOf } from '@ssp/contracts';
import {
  EMPTY_ACTION_VALUES,
  actionFormProblem,
  actionFormSpec,
  actionRequestOf,
  needsForm,
  type ActionFormValues,
} from '../action-form.util';

const EMPTY: ActionFormValues = EMPTY_ACTION_VALUES;
const CONTEXT = { today: '2025-06-01', currentDepartmentCode: 'SZYH' };

describe('actionFormSpec', () => {
  it.each(STAFF_ADMIN_ACTIONS)('requires for %s exactly what the transition table requires', (action) => {
    const { requires, label } = transitionOf(action);
    const spec = actionFormSpec(action);

    expect(spec.label).toBe(label);
    expect(spec.note === 'required').toBe(requires.note);
    expect(spec.department === 'required').toBe(requires.departmentCode);
    expect(spec.until === 'required').toBe(requires.until);
  });

  it('asks for a reason on 退单, a reply and optional result photos on 办结, a date and reason on 延期', () => {
    expect(actionFormSpec('return')).toMatchObject({ note: 'required', department: 'hidden', tone: 'danger' });
    expect(actionFormSpec('resolve')).toMatchObject({ note: 'required', photos: 'optional' });
    expect(actionFormSpec('request_extension')).toMatchObject({ note: 'required', until: 'required' });
    expect(actionFormSpec('request_transfer')).toMatchObject({ note: 'required', department: 'optional' });
    expect(actionFormSpec('dispatch')).toMatchObject({ department: 'required', note: 'optional' });
  });

  it('takes 签收 and 批准延期 with one tap', () => {
    expect(needsForm(actionFormSpec('accept'))).toBe(false);
    expect(needsForm(actionFormSpec('approve_extension'))).toBe(false);
    expect(needsForm(actionFormSpec('reject'))).toBe(true);
  });
});

describe('actionFormProblem', () => {
  it('names what is missing', () => {
    expect(actionFormProblem(actionFormSpec('return'), { ...EMPTY, note: '   ' }, CONTEXT)).toBe('请填写退单原因');
    expect(actionFormProblem(actionFormSpec('resolve'), EMPTY, CONTEXT)).toBe('请填写办理情况答复');
    expect(actionFormProblem(actionFormSpec('dispatch'), EMPTY, CONTEXT)).toBe('请选择部门');
    expect(actionFormProblem(actionFormSpec('request_extension'), { ...EMPTY, note: '材料未到' }, CONTEXT)).toBe('请选择新的办结日期');
  });

  it('refuses an extension to today or before, and a transfer to the same department', () => {
    const extension = { ...EMPTY, note: '材料未到', until: '2025-06-01' };
    expect(actionFormProblem(actionFormSpec('request_extension'), extension, CONTEXT)).toBe('新的办结日期须晚于今天');
    expect(actionFormProblem(actionFormSpec('request_extension'), { ...extension, until: '2025-06-05' }, CONTEXT)).toBeNull();

    const transfer = { ...EMPTY, note: '属绿化', departmentCode: 'SZYH' };
    expect(actionFormProblem(actionFormSpec('transfer'), transfer, CONTEXT)).toBe('请选择另一个部门');
    expect(actionFormProblem(actionFormSpec('transfer'), { ...transfer, departmentCode: 'YLJ' }, CONTEXT)).toBeNull();
  });
});

describe('actionRequestOf', () => {
  it('sends the version and only the fields the action takes', () => {
    const values = { ...EMPTY, note: ' 已更换井盖 ', departmentCode: 'YLJ', until: '2025-06-05', photoIds: ['p1'] };

    expect(actionRequestOf(actionFormSpec('resolve'), values, 7)).toEqual({
      action: 'resolve',
      version: 7,
      note: '已更换井盖',
      photoIds: ['p1'],
    });
    expect(actionRequestOf(actionFormSpec('accept'), values, 3)).toEqual({ action: 'accept', version: 3 });
    expect(actionRequestOf(actionFormSpec('request_extension'), values, 4)).toEqual({
      action: 'request_extension',
      version: 4,
      note: '已更换井盖',
      until: '2025-06-05T15:59:59.000Z',
    });
  });

  it('asks for an extension until the end of the chosen day on the city’s clock', () => {
    const body = actionRequestOf(actionFormSpec('request_extension'), { ...EMPTY, note: '等材料', until: '2025-12-31' }, 1);
    expect(body.until).toBe('2025-12-31T15:59:59.000Z');
  });
});

describe('corrections: reclassify, merge, split', () => {
  const context = { ...CONTEXT, currentCategoryCode: 'GY-02', ticketNo: 'GD2025060100001', firstReportId: 'rep-a' };

  it('asks for what each correction needs', () => {
    expect(actionFormSpec('reclassify')).toMatchObject({ category: 'required', note: 'hidden' });
    expect(actionFormSpec('merge')).toMatchObject({ targetTicketNo: 'required', note: 'required' });
    expect(actionFormSpec('split')).toMatchObject({ report: 'required', note: 'required' });
    expect(needsForm(actionFormSpec('reclassify'))).toBe(true);
  });

  it('refuses the same category, a malformed or own ticket number, and the first report', () => {
    expect(actionFormProblem(actionFormSpec('reclassify'), { ...EMPTY, categoryCode: 'GY-02' }, context)).toBe('请选择与当前不同的小类');
    const merge = actionFormSpec('merge');
    expect(actionFormProblem(merge, { ...EMPTY, note: '重复', targetTicketNo: 'GD2025' }, context)).toMatch(/^工单号格式不对/);
    expect(actionFormProblem(merge, { ...EMPTY, note: '重复', targetTicketNo: 'gd2025060100001' }, context)).toBe('不能合并到本工单');
    expect(actionFormProblem(merge, { ...EMPTY, note: '重复', targetTicketNo: 'GD2025060100002' }, context)).toBeNull();
    const split = actionFormSpec('split');
    expect(actionFormProblem(split, { ...EMPTY, note: '另案', reportId: 'rep-a' }, context)).toBe('首次上报是本工单的来源，不能拆分');
    expect(actionFormProblem(split, { ...EMPTY, note: '另案', reportId: 'rep-b' }, context)).toBeNull();
  });

  it('sends only the fields of the correction', () => {
    const values = { ...EMPTY, note: '另案', categoryCode: 'GY-04', targetTicketNo: ' gd2025060100002', reportId: 'rep-b' };
    expect(actionRequestOf(actionFormSpec('reclassify'), values, 2)).toEqual({ action: 'reclassify', version: 2, categoryCode: 'GY-04' });
    expect(actionRequestOf(actionFormSpec('merge'), values, 2)).toEqual({
      action: 'merge',
      version: 2,
      note: '另案',
      targetTicketNo: 'GD2025060100002',
    });
    expect(actionRequestOf(actionFormSpec('split'), values, 2)).toEqual({ action: 'split', version: 2, note: '另案', reportId: 'rep-b' });
  });
});
