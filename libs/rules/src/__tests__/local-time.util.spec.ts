import { buildRoutingFacts } from '../routing-facts.util';
import { evaluateRules } from '../evaluate-rules.util';
import { formatShanghaiDateTime, parseIsoDateTime, shanghaiLocalTime } from '../local-time.util';
import { rule, ruleSet } from './rule.fixtures';

const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Europe/London'];

function inZone<T>(zone: string, work: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = zone;
  try {
    return work();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

describe('Asia/Shanghai local time', () => {
  it('gives the Shanghai hour and ISO weekday of an instant', () => {
    // 2026-03-10 is a Tuesday; 15:30 UTC is 23:30 in Shanghai, 16:30 UTC is 00:30 on Wednesday.
    expect(shanghaiLocalTime(new Date('2026-03-10T15:30:00Z'))).toEqual({ hour: 23, minute: 30, weekday: 2, date: '2026-03-10' });
    expect(shanghaiLocalTime(new Date('2026-03-10T16:30:00Z'))).toEqual({ hour: 0, minute: 30, weekday: 3, date: '2026-03-11' });
    expect(shanghaiLocalTime(new Date('2026-03-15T04:00:00Z')).weekday).toBe(7);
  });

  it('is the same whatever the machine time zone, and so is a night rule', () => {
    const night = ruleSet(rule('night', 1, { fact: 'hour', operator: 'between', value: [22, 6] }));
    const instants = ['2026-03-10T13:59:00Z', '2026-03-10T14:00:00Z', '2026-03-10T21:59:00Z', '2026-03-10T22:00:00Z'];
    const seenIn = (zone: string) =>
      inZone(zone, () =>
        instants.map((iso) => {
          const at = new Date(iso);
          const facts = buildRoutingFacts({ reportedAt: at });
          return { hour: facts.hour, night: evaluateRules(night, facts, at).decision !== null };
        }),
      );
    const expected = [
      { hour: 21, night: false },
      { hour: 22, night: true },
      { hour: 5, night: true },
      { hour: 6, night: false },
    ];
    for (const zone of ZONES) expect({ zone, seen: seenIn(zone) }).toEqual({ zone, seen: expected });
  });

  it('formats instants for admins in Shanghai time', () => {
    expect(formatShanghaiDateTime(new Date('2026-05-31T16:00:00Z'))).toBe('2026-06-01 00:00');
  });

  it('parses ISO date-times with an offset and refuses the rest', () => {
    expect(parseIsoDateTime('2026-06-01T00:00:00+08:00')).toBe(Date.UTC(2026, 4, 31, 16));
    expect(parseIsoDateTime('2026-06-01T00:00Z')).toBe(Date.UTC(2026, 5, 1));
    expect(parseIsoDateTime('2026-06-01T00:00:00.5-01:30')).toBe(Date.UTC(2026, 5, 1, 1, 30, 0, 500));
    for (const bad of ['2026-06-01', '2026-06-01T00:00:00', '2026-02-30T00:00:00Z', '2026-13-01T00:00Z', '2026-06-01T24:00Z', 'soon']) {
      expect({ bad, parsed: parseIsoDateTime(bad) }).toEqual({ bad, parsed: null });
    }
  });

  it('builds the facts of a report with normalised text', () => {
    const facts = buildRoutingFacts({ categoryCode: 'GY-01', text: 'ＫＴＶ太吵', reportedAt: new Date('2026-03-10T15:30:00Z') });
    expect(facts).toMatchObject({ category: 'GY-01', text: 'ktv太吵', hour: 23, weekday: 2, supporterCount: 1, source: 'app' });
    expect(() => buildRoutingFacts({ reportedAt: new Date('nope') })).toThrow(RangeError);
  });
});
