import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { PHOTO_LIMITS, REPORT_LIMITS, type PhotoView } from '@ssp/contracts';
import { CategoryPicker } from '@/components/category-picker';
import { PhotoPicker, type ChosenFile, type PhotoUploadState } from '@/components/photo-picker';
import { ResidentGate } from '@/components/session-gate';
import { readParam, reportResultUrl } from '@/routes';
import { toApiError } from '@/services/api';
import { clearDraft, draftForCorrection, saveDraft, type DraftLocation } from '@/stores/report-draft';
import { rememberReportResult } from '@/stores/report-results';
import { CategorySuggestions } from './category-suggestions';
import { LocationCard } from './location-card';
import { draftProblem, submitFailureText, submitReport } from './submit-report';
import { useCategorySuggestions } from './use-category-suggestions';
import { useReportDraft } from './use-report-draft';
import './index.css';
import { askForProgressNotices } from '@/services/notifications/subscribe';

type Phase = 'editing' | 'uploading' | 'sending' | 'failed';

const SUBMIT_TEXT: Record<Phase, string> = {
  editing: '提交上报',
  uploading: '正在上传照片…',
  sending: '正在提交…',
  failed: '重试',
};

function ReportForm({ presetCategory }: { presetCategory: string | null }) {
  const { draft, current, update, restored, discard } = useReportDraft(presetCategory);
  const [uploads, setUploads] = useState<Record<string, PhotoUploadState>>({});
  const [phase, setPhase] = useState<Phase>('editing');
  const [error, setError] = useState<string | null>(null);
  const busy = phase === 'uploading' || phase === 'sending';
  // Suggestions help a resident who has not chosen; once chosen they would only distract.
  const suggestions = useCategorySuggestions(draft.description, draft.categoryCode === null);

  const addPhotos = (files: ChosenFile[]) =>
    update((d) => ({
      ...d,
      photos: [...d.photos, ...files.map((file) => ({ src: file.path, photoId: null, thumbUrl: null }))].slice(
        0,
        PHOTO_LIMITS.maxPerReport,
      ),
    }));
  const removePhoto = (src: string) => update((d) => ({ ...d, photos: d.photos.filter((photo) => photo.src !== src) }));
  const recordUpload = (src: string, photo: PhotoView) =>
    update((d) => ({
      ...d,
      photos: d.photos.map((p) => (p.src === src ? { ...p, photoId: photo.id, thumbUrl: photo.thumbUrl } : p)),
    }));

  const submit = async () => {
    const problem = draftProblem(current());
    if (problem) {
      await Taro.showToast({ title: problem, icon: 'none' });
      return;
    }
    // Inside the tap, before anything else waits: WeChat only asks while the gesture lasts.
    await askForProgressNotices();
    setPhase('uploading');
    setError(null);
    setUploads({});
    try {
      const result = await submitReport(current(), {
        onProgress: (src, percent) => setUploads((all) => ({ ...all, [src]: { percent, failed: false } })),
        onUploaded: recordUpload,
        onFailed: (src) =>
          setUploads((all) => ({ ...all, [src]: { percent: all[src]?.percent ?? 0, failed: true } })),
        onSending: () => setPhase('sending'),
      });
      rememberReportResult(result);
      // A rejected report is kept as a draft, so 修改后重新提交 on the result page brings it back to fix.
      if (result.outcome === 'rejected') saveDraft(draftForCorrection(current()));
      else clearDraft();
      await Taro.redirectTo({ url: reportResultUrl(result.id) });
    } catch (failure) {
      // The draft keeps its clientRequestId and the ids of uploaded photos: 重试 continues, never duplicates.
      setError(submitFailureText(toApiError(failure)));
      setPhase('failed');
    }
  };

  return (
    <View className="new-report">
      {restored && phase === 'editing' ? (
        <View id="draft-restored" className="form-notice new-report__restored">
          <Text>已恢复上次未提交的内容。</Text>
          <Text id="discard-draft" className="text-button" onClick={discard}>
            清空重填
          </Text>
        </View>
      ) : null}

      <View className="card">
        <View className="new-report__heading">
          <Text className="card__title">现场照片</Text>
          <Text className="new-report__count">
            {draft.photos.length}/{PHOTO_LIMITS.maxPerReport}
          </Text>
        </View>
        <PhotoPicker
          id="photos"
          photos={draft.photos.map((photo) => ({ src: photo.src, uploaded: photo.photoId !== null }))}
          max={PHOTO_LIMITS.maxPerReport}
          uploads={uploads}
          disabled={busy}
          onAdd={addPhotos}
          onRemove={removePhoto}
        />
        <Text className="new-report__hint">远景带上路牌或门牌，近景拍清问题本身；单张不超过 10MB。</Text>
      </View>

      <LocationCard
        location={draft.location}
        disabled={busy}
        onChange={(location: DraftLocation) => update((d) => ({ ...d, location }))}
      />

      <View className="card">
        <Text className="card__title">问题描述</Text>
        <Textarea
          id="description"
          className="field__textarea new-report__description"
          value={draft.description}
          maxlength={REPORT_LIMITS.descriptionMaxChars}
          disabled={busy}
          placeholder="说说看到了什么问题，例如：路口井盖松动，车辆经过有响声"
          onInput={(event) => update((d) => ({ ...d, description: event.detail.value }))}
        />
        <Text id="description-counter" className="field__counter">
          {draft.description.length}/{REPORT_LIMITS.descriptionMaxChars}
        </Text>
        <CategorySuggestions
          suggestions={suggestions}
          disabled={busy}
          onChoose={(categoryCode) => update((d) => ({ ...d, categoryCode }))}
        />
      </View>

      <CategoryPicker
        value={draft.categoryCode}
        disabled={busy}
        onChange={(categoryCode) => update((d) => ({ ...d, categoryCode }))}
      />

      {error ? (
        <View id="submit-error" className="form-error" role="alert">
          <Text>{error}</Text>
        </View>
      ) : null}

      <View className="action-bar">
        <Button id="submit" className="primary-button" loading={busy} disabled={busy} onClick={() => void submit()}>
          {SUBMIT_TEXT[phase]}
        </Button>
      </View>
    </View>
  );
}

export default function NewReportPage() {
  const presetCategory = readParam(useRouter().params.category) || null;
  return (
    <View className="page">
      <ResidentGate>{() => <ReportForm presetCategory={presetCategory} />}</ResidentGate>
    </View>
  );
}
