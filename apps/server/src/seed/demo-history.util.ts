import { cityDayOf, type TicketAction, type TicketStatus } from '@ssp/contracts';
import { bboxContains, encodeGeohash, geometryContains, type PolygonalGeometry } from '@ssp/geo';
import { newId } from '../core/database/id.util';
import { formatDailyNumber } from '../core/database/number-sequence.util';
import type { TicketEvent } from '../modules/tickets/entities/ticket-event.entity';
import type { Ticket } from '../modules/tickets/entities/ticket.entity';

/** A subcategory as the demo history needs it: its default department and SLA. */
export interface DemoCategory {
  id: string;
  name: string;
  keywords: readonly string[];
  departmentId: string;
  acceptWithinMinutes: number;
  resolveWithinHours: number;
}

export interface DemoDistrict {
  code: string;
  name: string;
  geometry: PolygonalGeometry;
  bbox: [number, number, number, number];
}

export interface DemoHistory {
  tickets: Array<Partial<Ticket>>;
  events: Array<Partial<TicketEvent>>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const REOPEN_WINDOW = 7 * DAY;

/** mulberry32: small, fast, and the same sequence on every machine for the same seed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A deterministic past for the demo city: `count` tickets over the `days` before today, with the
 * lifecycle a real city shows — most signed for and resolved, some late, ratings, a few 重办 and
 * rejections, the newest still open — and their events. Departments differ in speed so the league
 * table has something to say. Pure: the same input gives the same rows (ids aside).
 */
export function demoHistory(
  input: { now: Date; count: number; days: number; categories: DemoCategory[]; districts: DemoDistrict[] },
  seed = 20_261_201,
): DemoHistory {
  const random = generator(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  // Log-normal around a median: durations of public work have a long tail.
  const lognormal = (median: number, sigma: number) => {
    const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return median * Math.exp(sigma * gaussian);
  };
  const speed = new Map<string, number>();
  for (const category of input.categories) if (!speed.has(category.departmentId)) speed.set(category.departmentId, 0.5 + random() * 1.3);
  const districtWeights = input.districts.map(() => 0.3 + random());
  const pickDistrict = () => {
    let roll = random() * districtWeights.reduce((a, b) => a + b, 0);
    for (const [i, weight] of districtWeights.entries()) if ((roll -= weight) <= 0) return input.districts[i];
    return input.districts[input.districts.length - 1];
  };
  const pointIn = (district: DemoDistrict) => {
    const [minLng, minLat, maxLng, maxLat] = district.bbox;
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const point = { lat: minLat + random() * (maxLat - minLat), lng: minLng + random() * (maxLng - minLng) };
      if (bboxContains(district.bbox, point) && geometryContains(district.geometry, point)) return point;
    }
    return { lat: (minLat + maxLat) / 2, lng: (minLng + maxLng) / 2 };
  };

  const now = input.now.getTime();
  const today = Date.parse(`${cityDayOf(input.now)}T00:00:00+08:00`);
  const sequence = new Map<string, number>();
  const tickets: DemoHistory['tickets'] = [];
  const events: DemoHistory['events'] = [];

  const createdTimes = Array.from({ length: input.count }, () => {
    const day = Math.floor(random() * input.days) + 1;
    // Daytime-heavy: most reports between 8:00 and 20:00.
    const minuteOfDay = random() < 0.85 ? 480 + random() * 720 : random() * 1440;
    return today - day * DAY + Math.floor(minuteOfDay) * MINUTE + Math.floor(random() * 60) * 1000;
  }).sort((a, b) => a - b);

  for (const created of createdTimes) {
    const category = pick(input.categories);
    const district = pickDistrict();
    const point = pointIn(district);
    const day = cityDayOf(new Date(created)).replace(/-/g, '');
    const number = (sequence.get(day) ?? 0) + 1;
    sequence.set(day, number);
    const id = newId(created);
    const factor = speed.get(category.departmentId) ?? 1;
    const ticketEvents: Array<Partial<TicketEvent>> = [];
    const event = (at: number, action: TicketAction, fromStatus: TicketStatus | null, toStatus: TicketStatus, actorRole: string, note: string | null = null) =>
      ticketEvents.push({ id: newId(at), ticketId: id, action, fromStatus, toStatus, actorId: null, actorRole, note, departmentId: toStatus === 'rejected' ? null : category.departmentId, data: null, createdAt: new Date(at), updatedAt: new Date(at) });

    const ticket: Partial<Ticket> = {
      id,
      ticketNo: formatDailyNumber('GD', day, number),
      categoryId: category.id,
      regionCode: district.code,
      departmentId: category.departmentId,
      priority: 0,
      description: `${district.name}${pick(['', '某小区门口', '地铁站出口旁', '菜市场附近', '学校门口', '公交站台边'])}${pick(category.keywords)}，${pick(['麻烦尽快处理', '已经好几天了', '影响出行', '存在安全隐患', '希望有关部门来看看'])}`,
      lat: point.lat,
      lng: point.lng,
      geohash: encodeGeohash(point.lat, point.lng),
      supporterCount: random() < 0.8 ? 1 : 2 + Math.floor(random() * 4),
      reopenCount: 0,
      ratingCount: 0,
      ratingSum: 0,
      satisfiedCount: 0,
      createdAt: new Date(created),
      updatedAt: new Date(created),
    };
    // 12 % went through 人工分拨 first; 3 % of those were not accepted at all.
    let dispatched = created;
    if (random() < 0.12) {
      event(created, 'open_triage', null, 'pending_triage', 'system');
      const decided = created + Math.floor(lognormal(60, 0.8)) * MINUTE;
      if (decided > now) {
        tickets.push({ ...ticket, status: 'pending_triage', departmentId: null });
        events.push(...ticketEvents);
        continue;
      }
      if (random() < 0.25) {
        event(decided, 'reject', 'pending_triage', 'rejected', 'admin', '非本市管辖范围或信息不足，不予受理');
        tickets.push({ ...ticket, status: 'rejected', departmentId: null, closedAt: new Date(decided) });
        events.push(...ticketEvents);
        continue;
      }
      dispatched = decided;
      ticket.dispatchedAt = new Date(decided);
      event(decided, 'dispatch', 'pending_triage', 'dispatched', 'admin');
    } else {
      event(created, 'open_dispatched', null, 'dispatched', 'system');
    }

    const lifecycle = (from: number, round: number): TicketStatus => {
      const acceptBy = from + category.acceptWithinMinutes * MINUTE;
      const resolveBy = from + category.resolveWithinHours * HOUR;
      Object.assign(ticket, { acceptBy: new Date(acceptBy), resolveBy: new Date(resolveBy) });
      const accepted = from + Math.max(1, Math.floor(lognormal(category.acceptWithinMinutes * 0.4 * factor, 0.9))) * MINUTE;
      if (accepted > now) return 'dispatched';
      Object.assign(ticket, { acceptedAt: new Date(accepted), acceptMinutes: Math.floor((accepted - from) / MINUTE), acceptedOnTime: accepted <= acceptBy });
      event(accepted, 'accept', 'dispatched', 'in_progress', 'staff');
      const resolved = accepted + Math.floor(lognormal(category.resolveWithinHours * 0.45 * factor * HOUR, 0.8));
      if (resolved > now) return 'in_progress';
      Object.assign(ticket, {
        resolvedAt: new Date(resolved),
        resolveMinutes: Math.floor((resolved - created) / MINUTE),
        resolvedOnTime: resolved <= resolveBy,
        resolutionReply: '已安排人员到场处置完毕，感谢您的反映。',
      });
      event(resolved, 'resolve', 'in_progress', 'resolved', 'staff', '已安排人员到场处置完毕，感谢您的反映。');
      const onTime = resolved <= resolveBy;
      const rated = resolved + Math.floor(random() * 3 * DAY);
      if (random() < 0.65 && rated <= now) {
        // Late or slow departments make more residents unhappy.
        const unhappy = random() < (onTime ? 0.04 : 0.15) * factor;
        const score = unhappy ? 1 + Math.floor(random() * 2) : Math.min(5, 3 + Math.floor(random() * (onTime ? 3.6 : 2.6) / factor));
        Object.assign(ticket, { ratingCount: 1, ratingSum: score, satisfiedCount: score >= 4 ? 1 : 0 });
        if (unhappy && round === 0 && random() < 0.7) {
          event(rated, 'reopen', 'resolved', 'dispatched', 'resident', '问题没有解决，请重新处理');
          Object.assign(ticket, { reopenCount: 1, dispatchedAt: new Date(rated), resolvedAt: null, resolutionReply: null });
          return lifecycle(rated, 1);
        }
        if (score >= 3) {
          event(rated, 'confirm', 'resolved', 'closed', 'resident');
          ticket.closedAt = new Date(rated);
          return 'closed';
        }
      }
      if (resolved + REOPEN_WINDOW <= now) {
        event(resolved + REOPEN_WINDOW, 'auto_close', 'resolved', 'closed', 'system', '办结 7 天内未收到市民评价，系统自动结案');
        ticket.closedAt = new Date(resolved + REOPEN_WINDOW);
        return 'closed';
      }
      return 'resolved';
    };
    ticket.status = lifecycle(dispatched, 0);
    tickets.push(ticket);
    events.push(...ticketEvents);
  }
  return { tickets, events };
}
