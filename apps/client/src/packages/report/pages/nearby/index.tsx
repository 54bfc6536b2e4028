import { useCallback, useRef, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { NearbyTicketsResponse, PublicTicketView, RegionOutlinesResponse } from '@ssp/contracts';
import { PageState } from '@/components/page-state';
import { StatusChip } from '@/components/status-chip';
import { useLoader } from '@/hooks/use-loader';
import { fetchNearbyTickets } from '@/services/api';
import { regionOutlines } from '@/stores/region-outlines';
import { newReportUrl } from '@/routes';
import { ticketStatusView } from '@/utils/status.util';
import { formatDateTime } from '@/utils/time.util';
import { NearbyMap, type MapMode } from './nearby-map';
import { FALLBACK_MESSAGES, nearbyPoint, type NearbyPoint } from './nearby-location';
import './index.css';

const RADII: readonly { metres: number; label: string }[] = [
  { metres: 500, label: '500米' },
  { metres: 1000, label: '1公里' },
  { metres: 3000, label: '3公里' },
];

interface NearbyView {
  point: NearbyPoint;
  answer: NearbyTicketsResponse;
  outlines: RegionOutlinesResponse;
}

function distanceText(metres: number): string {
  return metres < 1000 ? `约${Math.max(100, Math.round(metres / 100) * 100)}米` : `约${(metres / 1000).toFixed(1)}公里`;
}

function radiusText(metres: number): string {
  return metres < 1000 ? `${metres}米` : `${metres / 1000}公里`;
}

function ProblemRow({ item }: { item: PublicTicketView }) {
  return (
    <View className="card nearby-row" data-id={item.id} data-status={item.status}>
      <View className="nearby-row__top">
        <Text className="nearby-row__category">{item.category?.name ?? '待分类'}</Text>
        <StatusChip view={ticketStatusView(item.status)} />
      </View>
      <Text className="nearby-row__description">{item.description}</Text>
      <Text className="nearby-row__meta">
        {distanceText(item.distance)}
        {item.regionName ? ` · ${item.regionName}` : ''} · {formatDateTime(item.createdAt)}
        {item.supporterCount > 1 ? ` · ${item.supporterCount}人反映` : ''}
      </Text>
    </View>
  );
}

export default function NearbyPage() {
  const [radius, setRadius] = useState(1000);
  const [mode, setMode] = useState<MapMode>('dots');
  const [attempt, setAttempt] = useState(0);

  // Locating takes seconds: a new radius reuses the position, 重新定位 asks the phone again.
  const located = useRef<{ attempt: number; point: Promise<NearbyPoint> } | null>(null);

  const load = useCallback(async (): Promise<NearbyView> => {
    if (located.current?.attempt !== attempt) located.current = { attempt, point: nearbyPoint() };
    const [point, outlines] = await Promise.all([located.current.point, regionOutlines()]);
    const answer = await fetchNearbyTickets({ lat: point.lat, lng: point.lng, coordSystem: point.coordSystem, radius });
    return { point, answer, outlines };
  }, [radius, attempt]);
  const { state, reload } = useLoader(load, `${radius}:${attempt}`);

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="page" id="nearby-page">
      <View className="nearby-header">
        <Text className="nearby-header__title">附近的问题</Text>
        <Text className="nearby-header__note">正在处理和近期办结的问题。位置只精确到约100米，不显示上报人信息。</Text>
        <View className="nearby-radius" id="nearby-radius">
          {RADII.map((option) => (
            <Text
              key={option.metres}
              id={`radius-${option.metres}`}
              className={`nearby-radius__option${option.metres === radius ? ' nearby-radius__option--active' : ''}`}
              onClick={() => setRadius(option.metres)}
            >
              {option.label}
            </Text>
          ))}
        </View>
      </View>
      <PageState state={state} onRetry={() => void reload()}>
        {({ point, answer, outlines }) => (
          <>
            {point.fallback ? (
              <View id="location-fallback" className="nearby-notice">
                <Text className="nearby-notice__text">{FALLBACK_MESSAGES[point.fallback]}</Text>
                <Text id="relocate" className="text-button nearby-notice__action" onClick={() => setAttempt((n) => n + 1)}>
                  重新定位
                </Text>
              </View>
            ) : null}
            <View className="card nearby-map-card">
              <View className="nearby-map-card__head">
                <Text className="card__title">周边{radiusText(answer.radius)}</Text>
                <View className="nearby-mode" id="map-mode">
                  <Text
                    id="mode-dots"
                    className={`nearby-mode__option${mode === 'dots' ? ' nearby-mode__option--active' : ''}`}
                    onClick={() => setMode('dots')}
                  >
                    分布
                  </Text>
                  <Text
                    id="mode-heat"
                    className={`nearby-mode__option${mode === 'heat' ? ' nearby-mode__option--active' : ''}`}
                    onClick={() => setMode('heat')}
                  >
                    热力
                  </Text>
                </View>
              </View>
              <NearbyMap centre={point.gcj02} radius={answer.radius} items={answer.items} districts={outlines.districts} mode={mode} />
              {mode === 'dots' ? (
                <View className="nearby-legend">
                  <Text className="nearby-legend__item nearby-legend__item--here">您的位置</Text>
                  <Text className="nearby-legend__item nearby-legend__item--open">未办结</Text>
                  <Text className="nearby-legend__item nearby-legend__item--done">已办结</Text>
                  <Text className="nearby-legend__note">灰线为区界</Text>
                </View>
              ) : (
                <View className="nearby-legend">
                  <Text className="nearby-legend__note">每格约200米，颜色越深，反映的人越多</Text>
                </View>
              )}
            </View>
            <Text id="nearby-count" className="nearby-count">
              {answer.items.length > 0 ? `共 ${answer.items.length} 个问题，由近到远` : ''}
            </Text>
            {answer.items.length === 0 ? (
              <View id="nearby-empty" className="card nearby-empty">
                <Text className="card__text">周边{radiusText(answer.radius)}内暂时没有正在处理的问题。</Text>
                <Button className="secondary-button nearby-empty__report" onClick={() => void Taro.navigateTo({ url: newReportUrl() })}>
                  发现问题？去上报
                </Button>
              </View>
            ) : (
              <View id="nearby-list">
                {answer.items.map((item) => (
                  <ProblemRow key={item.id} item={item} />
                ))}
              </View>
            )}
          </>
        )}
      </PageState>
    </View>
  );
}
