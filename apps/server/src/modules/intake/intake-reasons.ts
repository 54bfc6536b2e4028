import type { IntakeReasonCode, Reason } from '@ssp/contracts';

/** What residents read when the pipeline stops or redirects their report: why, and what to do. */
export const REASON_MESSAGES: Record<IntakeReasonCode, string> = {
  OUT_OF_AREA: '该位置不在本市服务范围内，请确认定位是否准确',
  NEEDS_TRIAGE: '已受理，将由指挥中心确认问题类型后派单',
  LOW_CONFIDENCE: '系统暂时无法判断问题类型，已转指挥中心人工分拨',
  BLOCKED_WORDS: '描述中含有不文明或违规内容，请修改后重新提交',
  REVIEW_WORDS: '描述中有需要人工确认的内容，审核通过后将尽快处理',
  SPAM_LINK: '描述中不能包含网址链接，请直接描述问题后重新提交',
  SPAM_AD: '描述像是广告或联系方式推销，未予受理；如确有问题请直接描述',
  GIBBERISH: '没有看懂描述的内容，请用一两句话说明是什么问题、在哪里',
  EMPTY_TEXT: '描述中没有文字内容，请说明是什么问题',
  REPEATED_TEXT: '您刚刚已提交过相同的内容，请勿重复提交；可在“我的上报”中查看进度',
  PHOTO_REUSED: '照片与其他市民上报中的照片相同，已转人工核实',
  PHOTO_UNUSABLE: '照片无法看清问题（过暗、模糊、空白或太小），请重新拍摄后提交',
  PHOTO_FLAGGED: '照片需要人工审核，审核通过后将尽快处理',
  IMAGE_CHECK_SKIPPED: '图片自动审核暂不可用，本次未检查',
  MERGED: '已有市民反映过这个问题，您已加入该问题的跟踪',
  MODERATION_REJECTED: '经人工审核未予受理',
  MODERATION_ACCEPTED: '经人工审核已受理',
};

export function reason(code: IntakeReasonCode, message: string = REASON_MESSAGES[code]): Reason {
  return { code, message };
}
