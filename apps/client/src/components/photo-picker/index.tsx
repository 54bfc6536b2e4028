import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { screenChosenFiles, type ChosenFile } from './screen-files.util';

export type { ChosenFile } from './screen-files.util';
import './index.css';

export interface PickerPhoto {
  /** Where the photo is shown from; also its key in the form. */
  src: string;
  uploaded: boolean;
}

export interface PhotoUploadState {
  percent: number;
  failed: boolean;
}

interface PhotoPickerProps {
  id?: string;
  photos: readonly PickerPhoto[];
  max: number;
  /** Upload progress by `src`, while a submit is under way or after it failed. */
  uploads?: Readonly<Record<string, PhotoUploadState>>;
  disabled?: boolean;
  onAdd: (files: ChosenFile[]) => void;
  onRemove: (src: string) => void;
}

function isCancel(failure: unknown): boolean {
  const message = typeof failure === 'object' && failure !== null ? (failure as { errMsg?: unknown }).errMsg : '';
  return /cancel/i.test(String(message));
}

function cellState(photo: PickerPhoto, upload: PhotoUploadState | undefined): string {
  if (photo.uploaded) return 'uploaded';
  if (upload?.failed) return 'failed';
  return upload ? 'uploading' : 'pending';
}

/** Take or choose photos (compressed by the platform), preview, remove, and watch each upload. */
export function PhotoPicker({ id, photos, max, uploads = {}, disabled = false, onAdd, onRemove }: PhotoPickerProps) {
  const remaining = max - photos.length;

  const choose = async () => {
    let result: Taro.chooseMedia.SuccessCallbackResult;
    try {
      result = await Taro.chooseMedia({
        count: remaining,
        mediaType: ['image'],
        sizeType: ['compressed'],
        sourceType: ['camera', 'album'],
      });
    } catch (failure) {
      if (!isCancel(failure)) await Taro.showToast({ title: '无法打开相机或相册', icon: 'none' });
      return;
    }
    const chosen = result.tempFiles.map((file) => ({ path: file.tempFilePath, size: file.size, type: file.fileType }));
    const { accepted, problems } = screenChosenFiles(chosen, remaining);
    if (accepted.length > 0) onAdd(accepted);
    if (problems.length > 0) await Taro.showToast({ title: problems.join('；'), icon: 'none', duration: 3000 });
  };

  const preview = (current: string) =>
    void Taro.previewImage({ urls: photos.map((photo) => photo.src), current });

  return (
    <View id={id} className="photo-picker">
      {photos.map((photo) => {
        const upload = uploads[photo.src];
        const state = cellState(photo, upload);
        return (
          <View key={photo.src} className="photo-picker__cell" data-state={state}>
            <Image
              className="photo-picker__image"
              src={photo.src}
              mode="aspectFill"
              onClick={() => preview(photo.src)}
            />
            {state === 'uploading' || state === 'failed' ? (
              <View className="photo-picker__progress">
                <View
                  className={`photo-picker__progress-bar photo-picker__progress-bar--${state}`}
                  style={{ width: `${upload?.percent ?? 0}%` }}
                />
              </View>
            ) : null}
            {state === 'uploaded' ? <Text className="photo-picker__badge">已上传</Text> : null}
            {state === 'failed' ? <Text className="photo-picker__badge photo-picker__badge--failed">上传失败</Text> : null}
            {disabled ? null : (
              <View className="photo-picker__remove" aria-label="删除照片" onClick={() => onRemove(photo.src)}>
                <Text>×</Text>
              </View>
            )}
          </View>
        );
      })}
      {remaining > 0 && !disabled ? (
        <View className="photo-picker__cell">
          <View className="photo-picker__add" onClick={() => void choose()}>
            <Text className="photo-picker__add-icon">+</Text>
            <Text className="photo-picker__add-text">拍照/相册</Text>
          </View>
        </View>
      ) : null}
    </View>
  );
}
