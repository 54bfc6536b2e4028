import type { IntakeCheckName, IntakeCheckRecord, IntakeReasonCode, IntakeVerdict } from '@ssp/contracts';

/** The intake checks (ARCHITECTURE.md §6) as the moderation queue names them. */
export const CHECK_LABELS: Record<IntakeCheckName, string> = {
  service_area: '服务范围',
  text_rules: '敏感词',
  spam: '广告与灌水',
  repeated_text: '重复内容',
  photo_reuse: '照片重复使用',
  photo_quality: '照片质量',
  image_moderation: '图片审核',
  classify: '自动分类',
  dedupe: '重复问题合并',
  route: '派单规则',
};

export const VERDICT_LABELS: Record<IntakeVerdict, string> = {
  pass: '通过',
  reject: '拦截',
  review: '需人工审核',
};

/** What a resident can do about a reason their report was stopped for; the server's message says why. */
const REASON_HINTS: Partial<Record<IntakeReasonCode, string>> = {
  OUT_OF_AREA: '请确认问题位置是否正确，可重新定位后再提交。',
  BLOCKED_WORDS: '请删除不文明或不当用语，如实描述问题后再提交。',
  SPAM_LINK: '请删除描述中的网址链接后再提交。',
  SPAM_AD: '请删除广告、联系方式等与问题无关的内容后再提交。',
  GIBBERISH: '请用文字说清看到了什么问题、在什么位置。',
  EMPTY_TEXT: '请用文字说清看到了什么问题、在什么位置。',
  REPEATED_TEXT: '相同的内容已经提交过，可在「我的上报」查看办理进度。',
  PHOTO_REUSED: '请拍摄问题现场的照片后再提交。',
  PHOTO_UNUSABLE: '照片过暗、过于模糊或无法识别，请重新拍摄清晰的现场照片。',
  PHOTO_FLAGGED: '请更换为问题现场的照片后再提交。',
  MODERATION_REJECTED: '如仍需反映，请根据说明修改后重新上报，或拨打 12345。',
};

export function reasonHint(code: string): string | null {
  return REASON_HINTS[code as IntakeReasonCode] ?? null;
}

/** The checks worth an admin's attention: those that did not simply pass, or passed with a remark. */
export function notableChecks(checks: readonly IntakeCheckRecord[]): IntakeCheckRecord[] {
  return checks.filter((check) => check.verdict !== 'pass' || check.reason !== undefined);
}
