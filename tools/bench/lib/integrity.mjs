// What a half-written submission would leave behind, counted in SQL: for the city seed and the fault runs.

const CHECKS = {
  'tickets without an event': 'SELECT COUNT(*) AS n FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticketId = t.id)',
  'tickets without a report': 'SELECT COUNT(*) AS n FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.ticketId = t.id)',
  'reports pointing at no ticket': 'SELECT COUNT(*) AS n FROM reports r WHERE r.ticketId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = r.ticketId)',
  'events of no ticket': 'SELECT COUNT(*) AS n FROM ticket_events e WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = e.ticketId)',
};

/** @param {{ query(sql: string): Promise<any> }} sql @returns {Promise<Record<string, number>>} */
export async function integrityCounts(sql) {
  const counts = {};
  for (const [what, statement] of Object.entries(CHECKS)) counts[what] = Number((await sql.query(statement))[0][0].n);
  return counts;
}

/** The checks that found something, as "N what". */
export async function integrityProblems(sql) {
  return Object.entries(await integrityCounts(sql))
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${what}`);
}
