import { useState } from 'react';
import { Map, Text, View } from '@tarojs/components';
import type { TicketDetail } from '@ssp/contracts';
import { toGcj02 } from '@ssp/geo';
import markerIcon from '@/assets/map/marker.png';
import { isWeapp } from '@/utils/platform';

const MARKER_SIZE = 32;

/** Where to go: district and coordinates everywhere, and WeChat's map (GCJ-02) in the mini program. */
export function TicketLocation({ ticket }: { ticket: TicketDetail }) {
  const { location } = ticket;
  const system = location.coordSystem === 'gcj02' ? 'GCJ-02' : 'WGS-84';
  const onMap = toGcj02(location);
  // The coordinates above stay useful when the map cannot load (no network, a WeChat version without it).
  const [mapFailed, setMapFailed] = useState(false);
  return (
    <View id="ticket-location" className="card">
      <Text className="card__title">问题位置</Text>
      <Text className="ticket-location__district">{ticket.regionName ?? '所在区县未知'}</Text>
      <Text className="ticket-location__coords">
        {location.lat.toFixed(6)}, {location.lng.toFixed(6)}（{system}）
      </Text>
      {isWeapp() && !mapFailed ? (
        <Map
          id="ticket-map"
          className="ticket-location__map"
          latitude={onMap.lat}
          longitude={onMap.lng}
          scale={17}
          markers={[
            {
              id: 1,
              latitude: onMap.lat,
              longitude: onMap.lng,
              iconPath: markerIcon,
              width: MARKER_SIZE,
              height: MARKER_SIZE,
            },
          ]}
          onError={() => setMapFailed(true)}
        />
      ) : null}
    </View>
  );
}
