import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Picker, Text, Textarea, View } from '@tarojs/components';
import { ErrorCode, PHOTO_LIMITS, type StaffAdminAction, type TicketDetail } from '@ssp/contracts';
import { PhotoPicker, type ChosenFile, type PhotoUploadState } from '@/components/photo-picker';
import { actOnTicket, toApiError, type ApiError } from '@/services/api';
import { uploadInOrder, type PendingPhoto } from '@/services/photos/upload-in-order';
import { formatDateValue } from '@/utils/time.util';
import {
  EMPTY_ACTION_VALUES,
  actionFormProblem,
  actionFormSpec,
  actionRequestOf,
  needsForm,
  todayValue,
  type ActionFormSpec,
  type ActionFormValues,
} from './action-form.util';
import { CorrectionFields } from './correction-fields';
import { DepartmentPicker } from './department-picker';

export const STALE_TICKET_MESSAGE = '工单已被他人更新，已为您刷新';
const NOTE_MAX_CHARS = 500;

/**
 * Someone else changed the ticket since it was loaded. The server names it TICKET_STALE_VERSION; a
 * bare 409 from a proxy or an older server arrives as the generic CONFLICT and means the same.
 */
function isStaleVersion(error: ApiError): boolean {
  return error.status === 409 && (error.code === ErrorCode.TICKET_STALE_VERSION || error.code === ErrorCode.CONFLICT);
}

function tomorrowValue(): string {
  return formatDateValue(new Date(Date.now() + 24 * 3600_000));
}

interface ActionPanelProps {
  ticket: TicketDetail;
  onUpdated: (ticket: TicketDetail) => void;
  /** Refetches the ticket; resolves once the fresh copy is on screen. */
  onReload: () => Promise<void>;
}

/** The buttons this caller may press (`ticket.actions`), and the form each one needs. */
export function ActionPanel({ ticket, onUpdated, onReload }: ActionPanelProps) {
  const [active, setActive] = useState<ActionFormSpec | null>(null);
  const [values, setValues] = useState<ActionFormValues>(EMPTY_ACTION_VALUES);
  const [photos, setPhotos] = useState<PendingPhoto[]>([]);
  const [uploads, setUploads] = useState<Record<string, PhotoUploadState>>({});
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // After a reload the open form's action may no longer be allowed (someone else took the step).
  useEffect(() => {
    if (active && !ticket.actions.includes(active.action)) setActive(null);
  }, [active, ticket.actions]);

  const perform = async (spec: ActionFormSpec, formValues: ActionFormValues) => {
    const problem = actionFormProblem(spec, formValues, {
      today: todayValue(),
      currentDepartmentCode: ticket.department?.code ?? null,
      currentCategoryCode: ticket.category?.code ?? null,
      ticketNo: ticket.ticketNo,
      firstReportId: ticket.reports[0]?.id ?? null,
    });
    if (problem) {
      setError(problem);
      return;
    }
    setSending(true);
    setError(null);
    setNotice(null);
    try {
      // Photos left from a cancelled 办结 form must not ride along with another action.
      const photoIds = spec.photos === 'hidden' ? [] : await uploadInOrder(photos, {
        onProgress: (src, percent) => setUploads((all) => ({ ...all, [src]: { percent, failed: false } })),
        onUploaded: (src, photo) =>
          setPhotos((all) => all.map((p) => (p.src === src ? { ...p, photoId: photo.id } : p))),
        onFailed: (src) => setUploads((all) => ({ ...all, [src]: { percent: all[src]?.percent ?? 0, failed: true } })),
      });
      const updated = await actOnTicket(ticket.id, actionRequestOf(spec, { ...formValues, photoIds }, ticket.version));
      setActive(null);
      onUpdated(updated);
      await Taro.showToast({ title: `已${spec.label}`, icon: 'success' });
    } catch (failure) {
      const apiError = toApiError(failure);
      if (isStaleVersion(apiError)) {
        setNotice(STALE_TICKET_MESSAGE);
        await onReload();
      } else if (apiError.status === 409) {
        // An illegal transition means the ticket moved on: show where it stands now.
        setError(`${apiError.message}（已刷新为最新状态）`);
        await onReload();
      } else {
        setError(apiError.message);
      }
    } finally {
      setSending(false);
    }
  };

  const press = (action: StaffAdminAction) => {
    const spec = actionFormSpec(action);
    setError(null);
    setNotice(null);
    setValues(EMPTY_ACTION_VALUES);
    setPhotos([]);
    setUploads({});
    if (needsForm(spec)) setActive(spec);
    else void perform(spec, EMPTY_ACTION_VALUES);
  };

  const addPhotos = (files: ChosenFile[]) =>
    setPhotos((all) =>
      [...all, ...files.map((file) => ({ src: file.path, photoId: null }))].slice(0, PHOTO_LIMITS.maxPerResolution),
    );

  return (
    <View id="action-panel" className="card">
      <Text className="card__title">办理</Text>
      {notice ? (
        <View id="action-notice" className="action-panel__notice" role="status">
          <Text>{notice}</Text>
        </View>
      ) : null}
      {error && !active ? (
        <View id="action-error" className="action-panel__error" role="alert">
          <Text>{error}</Text>
        </View>
      ) : null}
      {ticket.actions.length === 0 ? <Text className="card__text">当前没有需要您办理的操作</Text> : null}
      <View className="action-panel__buttons">
        {ticket.actions.map((action) => {
          const spec = actionFormSpec(action);
          return (
            <Button
              key={action}
              id={`action-${action}`}
              className={`${spec.tone}-button action-panel__button${
                active?.action === action ? ' action-panel__button--active' : ''
              }`}
              disabled={sending}
              onClick={() => press(action)}
            >
              {spec.label}
            </Button>
          );
        })}
      </View>

      {active ? (
        <View id="action-form" className="action-form" data-action={active.action}>
          <Text className="action-form__title">{active.label}</Text>
          {active.department !== 'hidden' ? (
            <View className="field">
              <Text className="field__label">{active.department === 'required' ? '派往部门' : '建议转派部门（选填）'}</Text>
              <DepartmentPicker
                value={values.departmentCode}
                exclude={active.action === 'transfer' ? (ticket.department?.code ?? null) : null}
                onChange={(departmentCode) => setValues({ ...values, departmentCode })}
              />
            </View>
          ) : null}
          <CorrectionFields
            spec={active}
            ticket={ticket}
            values={values}
            disabled={sending}
            onChange={(part) => setValues({ ...values, ...part })}
          />
          {active.until !== 'hidden' ? (
            <View className="field">
              <Text className="field__label">延期至</Text>
              <Picker
                mode="date"
                value={values.until ?? tomorrowValue()}
                start={tomorrowValue()}
                onChange={(event) => setValues({ ...values, until: String(event.detail.value) })}
              >
                <View id="action-until" className="field__input action-form__date">
                  <Text>{values.until ?? '选择新的办结日期'}</Text>
                </View>
              </Picker>
            </View>
          ) : null}
          {active.note !== 'hidden' ? (
            <View className="field">
              <Text className="field__label">
                {active.note === 'required' ? active.noteLabel : `${active.noteLabel}（选填）`}
              </Text>
              <Textarea
                id="action-note"
                className="field__textarea"
                value={values.note}
                maxlength={NOTE_MAX_CHARS}
                placeholder={`请输入${active.noteLabel.replace(/（.*）$/, '')}`}
                onInput={(event) => setValues({ ...values, note: event.detail.value })}
              />
            </View>
          ) : null}
          {active.photos !== 'hidden' ? (
            <View className="field">
              <Text className="field__label">办理后照片（选填，最多 {PHOTO_LIMITS.maxPerResolution} 张）</Text>
              <PhotoPicker
                id="action-photos"
                photos={photos.map((photo) => ({ src: photo.src, uploaded: photo.photoId !== null }))}
                max={PHOTO_LIMITS.maxPerResolution}
                uploads={uploads}
                disabled={sending}
                onAdd={addPhotos}
                onRemove={(src) => setPhotos((all) => all.filter((photo) => photo.src !== src))}
              />
            </View>
          ) : null}
          {error ? (
            <View id="action-error" className="action-panel__error" role="alert">
              <Text>{error}</Text>
            </View>
          ) : null}
          <View className="button-row">
            <Button className="secondary-button" disabled={sending} onClick={() => setActive(null)}>
              取消
            </Button>
            <Button
              id="action-submit"
              className="primary-button"
              loading={sending}
              disabled={sending}
              onClick={() => void perform(active, values)}
            >
              确认{active.label}
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
