import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { DraftLocation } from '@/stores/report-draft';
import { isWeapp } from '@/utils/platform';
import {
  locateDevice,
  parseManualPoint,
  pickOnMap,
  withDistrict,
  type LocationFailure,
  type PickedPoint,
} from './device-location';

interface LocationCardProps {
  location: DraftLocation | null;
  disabled: boolean;
  onChange: (location: DraftLocation) => void;
}

const FAILURE_TEXT: Record<LocationFailure, string> = isWeapp()
  ? { denied: '未获得定位权限。请在地图上选择问题位置。', unavailable: '暂时无法定位。请在地图上选择问题位置，或稍后重新定位。' }
  : {
      denied: '浏览器未允许定位。可在浏览器设置中允许本站使用位置，或在下方填写坐标。',
      unavailable: '暂时无法定位。可稍后重新定位，或在下方填写坐标。',
    };

function coordinatesText(location: DraftLocation): string {
  const system = location.coordSystem === 'gcj02' ? 'GCJ-02' : 'WGS-84';
  return `${location.lat.toFixed(5)}, ${location.lng.toFixed(5)}（${system}）`;
}

/** Manual fallback of H5, where no map picker exists: a GPS position typed in, checked before use. */
function ManualEntry({ onPoint }: { onPoint: (point: PickedPoint) => void }) {
  const [lat, setLat] = useState('');
  const [lng, setLng] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const use = () => {
    const parsed = parseManualPoint(lat, lng);
    if (typeof parsed === 'string') setProblem(parsed);
    else {
      setProblem(null);
      onPoint(parsed);
    }
  };
  return (
    <View id="manual-location" className="location-card__manual">
      <Text className="field__label">手动填写 GPS 坐标（可在手机地图中长按问题位置查看）</Text>
      <View className="location-card__manual-row">
        <Input
          id="manual-lat"
          className="field__input"
          type="digit"
          placeholder="纬度，如 32.0416"
          value={lat}
          onInput={(event) => setLat(event.detail.value)}
        />
        <Input
          id="manual-lng"
          className="field__input"
          type="digit"
          placeholder="经度，如 118.7784"
          value={lng}
          onInput={(event) => setLng(event.detail.value)}
        />
      </View>
      {problem ? <Text className="location-card__problem">{problem}</Text> : null}
      <Button id="use-manual-location" className="secondary-button location-card__button" onClick={use}>
        使用这个位置
      </Button>
    </View>
  );
}

/** Where the problem is: the device position (or a fallback), the district, and a service-area check. */
export function LocationCard({ location, disabled, onChange }: LocationCardProps) {
  const [locating, setLocating] = useState(false);
  const [failure, setFailure] = useState<LocationFailure | null>(null);
  const [manualOpen, setManualOpen] = useState(false);
  // The page passes a new onChange on every render; locating must not restart because of that.
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;

  const apply = useCallback(async (point: PickedPoint) => {
    setLocating(true);
    latestOnChange.current(await withDistrict(point));
    setLocating(false);
    setFailure(null);
    setManualOpen(false);
  }, []);

  const locate = useCallback(async () => {
    setLocating(true);
    setFailure(null);
    let point: PickedPoint;
    try {
      point = await locateDevice();
    } catch (reason) {
      setLocating(false);
      setFailure(reason === 'denied' ? 'denied' : 'unavailable');
      return;
    }
    await apply(point);
  }, [apply]);

  const chooseOnMap = async () => {
    const point = await pickOnMap();
    if (point) await apply(point);
  };

  // Locate when the form has no position: on open, and again after the draft was cleared.
  const missing = location === null;
  useEffect(() => {
    if (missing) void locate();
  }, [missing, locate]);

  // weapp has WeChat's map picker; H5 has no map, so a typed-in position is the honest fallback.
  const fallback = () => {
    if (isWeapp()) {
      return failure || location ? (
        <Button
          id="choose-on-map"
          className="secondary-button location-card__button"
          onClick={() => void chooseOnMap()}
        >
          在地图上选择位置
        </Button>
      ) : null;
    }
    if (failure || manualOpen) return <ManualEntry onPoint={(point) => void apply(point)} />;
    return location ? (
      <Text id="open-manual-location" className="text-button" onClick={() => setManualOpen(true)}>
        位置不准？手动填写坐标
      </Text>
    ) : null;
  };

  return (
    <View id="location-card" className="card location-card">
      <View className="location-card__heading">
        <Text className="card__title">问题位置</Text>
        {disabled || locating ? null : (
          <Text id="relocate" className="text-button" onClick={() => void locate()}>
            重新定位
          </Text>
        )}
      </View>

      {locating ? <Text className="card__text">正在获取位置…</Text> : null}

      {location && !locating ? (
        <View id="location-summary" data-district={location.districtName ?? ''}>
          <Text className="location-card__district">{location.districtName ?? '未能识别所在区县'}</Text>
          {location.placeName ? <Text className="card__text">{location.placeName}</Text> : null}
          <Text className="location-card__coords">{coordinatesText(location)}</Text>
          {location.inServiceArea === false ? (
            <Text id="out-of-area" className="location-card__warning">
              不在服务范围：该位置不在南京市内，提交后可能不予受理，请确认位置是否正确。
            </Text>
          ) : null}
        </View>
      ) : null}

      {failure && !locating ? (
        <Text id="location-failure" className="location-card__problem">
          {FAILURE_TEXT[failure]}
        </Text>
      ) : null}

      {disabled || locating ? null : fallback()}
    </View>
  );
}
