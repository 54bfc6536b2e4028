import { ErrorCode, REPORT_LIMITS, type CreateReportRequest, type CreateReportResponse } from '@ssp/contracts';
import { createReport, retryAfterSeconds, type ApiError } from '@/services/api';
import { uploadInOrder, type UploadListener } from '@/services/photos/upload-in-order';
import { deviceId } from '@/stores/device-id';
import type { ReportDraft } from '@/stores/report-draft';

/** A sentence a department can act on; shorter texts are almost always accidental taps. */
export const MIN_DESCRIPTION_CHARS = 5;

/** What still stops the draft from being sent, as the message to show; null when it is complete. */
export function draftProblem(draft: ReportDraft): string | null {
  if (draft.photos.length === 0) return '请至少拍摄或选择一张照片';
  if (!draft.location) return '请先确定问题位置';
  const length = draft.description.trim().length;
  if (length < MIN_DESCRIPTION_CHARS) return `请用一句话描述问题（至少 ${MIN_DESCRIPTION_CHARS} 个字）`;
  if (length > REPORT_LIMITS.descriptionMaxChars) return `描述最多 ${REPORT_LIMITS.descriptionMaxChars} 个字`;
  return null;
}

export function reportRequestOf(draft: ReportDraft, photoIds: string[], device: string): CreateReportRequest {
  if (!draft.location) throw new Error('a report needs a location');
  const { lat, lng, coordSystem } = draft.location;
  return {
    clientRequestId: draft.clientRequestId,
    description: draft.description.trim(),
    location: { lat, lng, coordSystem },
    photoIds,
    ...(draft.categoryCode ? { categoryCode: draft.categoryCode } : {}),
    deviceId: device,
  };
}

/** `45 秒`, `3 分钟`, `1 小时 30 分钟`: how long a resident must wait, rounded up. */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} 秒`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} 分钟`;
  const rest = minutes % 60;
  return rest === 0 ? `${minutes / 60} 小时` : `${Math.floor(minutes / 60)} 小时 ${rest} 分钟`;
}

/** What the form says after a failed submit; the draft is kept in every case. */
export function submitFailureText(error: ApiError): string {
  if (error.status === 429 || error.code === ErrorCode.RATE_LIMITED) {
    const seconds = retryAfterSeconds(error);
    const when = seconds === null ? '稍后' : `${waitText(seconds)}后`;
    return `您提交得太频繁了，请${when}再试。已填写的内容和已上传的照片都已保存，到时点「重试」即可。`;
  }
  return `提交失败：${error.message}。已填写的内容和已上传的照片都已保存，请点「重试」继续。`;
}

export interface SubmitListener extends UploadListener {
  onSending: () => void;
}

/** Uploads the photos that have no id yet, then creates the report with the draft's clientRequestId. */
export async function submitReport(draft: ReportDraft, listener: SubmitListener): Promise<CreateReportResponse> {
  const photoIds = await uploadInOrder(draft.photos, listener);
  listener.onSending();
  return createReport(reportRequestOf(draft, photoIds, deviceId()));
}
