import { REPORT_LIMITS, type CreateReportRequest, type CreateReportResponse } from '@ssp/contracts';
import { createReport } from '@/services/api';
import { uploadInOrder, type UploadListener } from '@/services/photos/upload-in-order';
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

export function reportRequestOf(draft: ReportDraft, photoIds: string[]): CreateReportRequest {
  if (!draft.location) throw new Error('a report needs a location');
  const { lat, lng, coordSystem } = draft.location;
  return {
    clientRequestId: draft.clientRequestId,
    description: draft.description.trim(),
    location: { lat, lng, coordSystem },
    photoIds,
    ...(draft.categoryCode ? { categoryCode: draft.categoryCode } : {}),
  };
}

export interface SubmitListener extends UploadListener {
  onSending: () => void;
}

/** Uploads the photos that have no id yet, then creates the report with the draft's clientRequestId. */
export async function submitReport(draft: ReportDraft, listener: SubmitListener): Promise<CreateReportResponse> {
  const photoIds = await uploadInOrder(draft.photos, listener);
  listener.onSending();
  return createReport(reportRequestOf(draft, photoIds));
}
