/**
 * Generic advice until categories carry their own tip: what makes a photo useful to the department
 * that has to find and judge the problem.
 */
export const PHOTO_TIPS: readonly string[] = [
  '先拍一张远景，带上路牌、门牌号或标志性建筑，方便找到位置。',
  '再靠近拍一张近景，看清问题本身，例如破损的范围、堆放的数量。',
  '光线充足、画面清晰；尽量不要拍到路人的面部和车牌。',
];

export const EMERGENCY_NOTE = '遇到火灾、交通事故、人身安全等紧急情况，请直接拨打 119、122 或 110。';
