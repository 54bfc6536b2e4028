/**
 * Fills the statistics figures of tickets that existed before they were recorded (StatsFigures
 * migration), from their events and their reports' ratings. Where the deadline moved since (a
 * transfer after the sign-for, an extension after 办结), on-time is judged against today's deadline.
 */
export function statsFiguresBackfill(engine: 'mysql' | 'sqlite'): string[] {
  const q = (name: string) => (engine === 'mysql' ? `\`${name}\`` : `"${name}"`);
  const t = q('tickets');
  const minutes = (from: string, to: string) =>
    engine === 'mysql'
      ? `TIMESTAMPDIFF(MINUTE, ${from}, ${to})`
      : `CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400) AS INTEGER) / 60`;
  const lastEvent = (actions: string[], extra = '') =>
    `(SELECT MAX(e.${q('createdAt')}) FROM ${q('ticket_events')} e WHERE e.${q('ticketId')} = ${t}.${q('id')}` +
    ` AND e.${q('action')} IN (${actions.map((action) => `'${action}'`).join(', ')})${extra})`;
  const fromReports = (aggregate: string, extra = '') =>
    `(SELECT ${aggregate} FROM ${q('reports')} r WHERE r.${q('ticketId')} = ${t}.${q('id')}${extra})`;
  const dispatches = ['dispatch', 'transfer', 'reopen'];
  const lastResolution = `COALESCE(${t}.${q('resolvedAt')}, ${lastEvent(['resolve'])})`;
  return [
    `UPDATE ${t} SET ${q('dispatchedAt')} = ${lastEvent(dispatches)}, ${q('acceptedAt')} = ${lastEvent(['accept'])},` +
      ` ${q('ratingCount')} = ${fromReports(`COUNT(r.${q('rating')})`)},` +
      ` ${q('ratingSum')} = ${fromReports(`COALESCE(SUM(r.${q('rating')}), 0)`)},` +
      ` ${q('satisfiedCount')} = ${fromReports('COUNT(*)', ` AND r.${q('rating')} >= 4`)}`,
    `UPDATE ${t} SET ${q('acceptMinutes')} = ${minutes(
      `COALESCE(${lastEvent(dispatches, ` AND e.${q('createdAt')} <= ${t}.${q('acceptedAt')}`)}, ${t}.${q('createdAt')})`,
      `${t}.${q('acceptedAt')}`,
    )}, ${q('acceptedOnTime')} = CASE WHEN ${q('acceptBy')} IS NULL OR ${q('acceptedAt')} <= ${q('acceptBy')} THEN 1 ELSE 0 END` +
      ` WHERE ${q('acceptedAt')} IS NOT NULL`,
    `UPDATE ${t} SET ${q('resolveMinutes')} = ${minutes(`${t}.${q('createdAt')}`, lastResolution)},` +
      ` ${q('resolvedOnTime')} = CASE WHEN ${q('resolveBy')} IS NULL OR ${lastResolution} <= ${q('resolveBy')} THEN 1 ELSE 0 END` +
      ` WHERE ${lastResolution} IS NOT NULL`,
  ];
}
