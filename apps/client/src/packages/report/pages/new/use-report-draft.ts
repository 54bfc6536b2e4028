import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import {
  emptyDraft,
  isDraftBlank,
  loadDraft,
  saveDraft,
  type DraftPhoto,
  type ReportDraft,
} from '@/stores/report-draft';
import { isLocalFileAvailable } from '@/utils/local-file';

export interface ReportDraftHandle {
  draft: ReportDraft;
  /** The draft as of now, for a submit that outlives the render it started in. */
  current: () => ReportDraft;
  /** Applies a change and saves it at once, so a closed app or a crash loses nothing. */
  update: (change: (draft: ReportDraft) => ReportDraft) => void;
  /** The page opened with an unfinished draft from before. */
  restored: boolean;
  /** Starts over with an empty draft (and so a new clientRequestId). */
  discard: () => void;
}

function withPreset(draft: ReportDraft, categoryCode: string | null): ReportDraft {
  return categoryCode ? { ...draft, categoryCode } : draft;
}

/** The photos whose local file can no longer be read (their thumbnails are not local files). */
async function lostPhotoSources(photos: readonly DraftPhoto[]): Promise<Set<string>> {
  const local = photos.filter((photo) => photo.src !== photo.thumbUrl);
  const available = await Promise.all(local.map((photo) => isLocalFileAvailable(photo.src)));
  return new Set(local.filter((_, index) => !available[index]).map((photo) => photo.src));
}

export function useReportDraft(presetCategory: string | null): ReportDraftHandle {
  const [initial] = useState(() => {
    const stored = loadDraft();
    return { draft: withPreset(stored, presetCategory), restored: !isDraftBlank(stored) };
  });
  const [draft, setDraft] = useState(initial.draft);
  const [restored, setRestored] = useState(initial.restored);
  const latest = useRef(draft);

  const update = useCallback((change: (draft: ReportDraft) => ReportDraft) => {
    const next = change(latest.current);
    latest.current = next;
    saveDraft(next);
    setDraft(next);
  }, []);

  const discard = useCallback(() => {
    // Starting over keeps the category the page was opened for (拍这类问题).
    const fresh = withPreset(emptyDraft(), presetCategory);
    saveDraft(fresh);
    latest.current = fresh;
    setDraft(fresh);
    setRestored(false);
  }, [presetCategory]);

  useEffect(() => {
    saveDraft(latest.current);
    void lostPhotoSources(latest.current.photos).then(async (lost) => {
      if (lost.size === 0) return;
      let dropped = 0;
      // An uploaded photo is still part of the report: it is shown from its thumbnail instead.
      update((current) => ({
        ...current,
        photos: current.photos.flatMap((photo) => {
          if (!lost.has(photo.src)) return [photo];
          if (photo.photoId && photo.thumbUrl) return [{ ...photo, src: photo.thumbUrl }];
          dropped += 1;
          return [];
        }),
      }));
      if (dropped > 0) {
        await Taro.showToast({ title: `${dropped} 张未上传的照片已失效，请重新添加`, icon: 'none', duration: 3000 });
      }
    });
  }, [update]);

  return { draft, current: () => latest.current, update, restored, discard };
}
