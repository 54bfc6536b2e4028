import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import type { PhotoView } from '@ssp/contracts';
import './index.css';

interface PhotoGridProps {
  photos: readonly PhotoView[];
  id?: string;
}

/** Thumbnails of uploaded photos; a tap opens the full-size photos in the platform viewer. */
export function PhotoGrid({ photos, id }: PhotoGridProps) {
  if (photos.length === 0) return null;
  const urls = photos.map((photo) => photo.url);
  return (
    <View id={id} className="photo-grid">
      {photos.map((photo) => (
        <View key={photo.id} className="photo-grid__cell">
          <Image
            className="photo-grid__image"
            src={photo.thumbUrl}
            mode="aspectFill"
            lazyLoad
            onClick={() => void Taro.previewImage({ urls, current: photo.url })}
          />
        </View>
      ))}
    </View>
  );
}
