import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import type { CoordSystemName, RegionOption, RoutingRuleSetSource, RoutingSimulation, SimulateRoutingRequest } from '@ssp/contracts';
import { CategoryPicker } from '@/components/category-picker';
import { simulateRouting, toApiError } from '@/services/api';
import { isWeapp } from '@/utils/platform';
import { Chips } from './chips';
import { SimulationResult } from './simulation-result';

const DEVICE = 'device';
const SOURCE_LABELS: Record<RoutingRuleSetSource, string> = { draft: '草稿', live: '线上版本' };
const DESCRIPTION_MAX = 500;

interface Point {
  lat: number;
  lng: number;
  coordSystem: CoordSystemName;
}

function centreOf(region: RegionOption): Point {
  const [minLng, minLat, maxLng, maxLat] = region.bbox;
  return { lat: (minLat + maxLat) / 2, lng: (minLng + maxLng) / 2, coordSystem: 'gcj02' };
}

async function devicePoint(): Promise<Point> {
  const coordSystem: CoordSystemName = isWeapp() ? 'gcj02' : 'wgs84';
  const position = await Taro.getLocation({ type: coordSystem });
  return { lat: position.latitude, lng: position.longitude, coordSystem };
}

/** Tries a sample report against the draft or the live rules and shows the decision with its trace. */
export function SimulatePanel({ districts }: { districts: readonly RegionOption[] }) {
  const [description, setDescription] = useState('');
  const [place, setPlace] = useState<string>(districts[0]?.code ?? DEVICE);
  const [categoryCode, setCategoryCode] = useState<string | null>(null);
  const [source, setSource] = useState<RoutingRuleSetSource>('draft');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<RoutingSimulation | null>(null);

  const run = async () => {
    if (description.trim() === '') {
      setError('请填写问题描述');
      return;
    }
    setRunning(true);
    setError(null);
    try {
      const district = districts.find((region) => region.code === place);
      const location = district ? centreOf(district) : await devicePoint().catch(() => Promise.reject(new Error('location')));
      const body: SimulateRoutingRequest = { description: description.trim(), location, rules: source, ...(categoryCode ? { categoryCode } : {}) };
      setResult(await simulateRouting(body));
    } catch (failure) {
      setError(failure instanceof Error && failure.message === 'location' ? '无法获取当前位置，请改选一个区' : toApiError(failure).message);
    } finally {
      setRunning(false);
    }
  };

  return (
    <View id="simulate-panel" className="card">
      <Text className="card__title">模拟派单</Text>
      <View className="field">
        <Text className="field__label">问题描述</Text>
        <Textarea
          id="simulate-description"
          className="field__textarea"
          value={description}
          maxlength={DESCRIPTION_MAX}
          placeholder="例如：小区门口的路灯坏了，晚上一片漆黑"
          onInput={(event) => setDescription(event.detail.value)}
        />
      </View>
      <View className="field">
        <Text className="field__label">位置（所选区的中心点）</Text>
        <Chips
          name="simulate-place"
          options={[DEVICE, ...districts.map((region) => region.code)]}
          label={(code) => (code === DEVICE ? '当前位置' : (districts.find((region) => region.code === code)?.name ?? code))}
          chosen={[place]}
          onToggle={setPlace}
        />
      </View>
      <CategoryPicker embedded title="分类（可选）" placeholder="不选则由系统按描述分类" value={categoryCode} onChange={setCategoryCode} />
      <View className="field">
        <Text className="field__label">规则</Text>
        <Chips name="simulate-source" options={['draft', 'live'] as const} label={(option) => SOURCE_LABELS[option]} chosen={[source]} onToggle={setSource} />
      </View>
      {error ? (
        <View className="form-error" role="alert">
          <Text>{error}</Text>
        </View>
      ) : null}
      <Button id="simulate-run" className="primary-button" loading={running} disabled={running} onClick={() => void run()}>
        模拟
      </Button>
      {result ? <SimulationResult result={result} /> : null}
    </View>
  );
}
