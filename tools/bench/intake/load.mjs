// Load phases of the intake benchmark: autocannon with one pre-generated body per request (each report
// its own clientRequestId, resident and photo), answers tallied as they arrive, and the checks that the
// database holds exactly what was answered.
import autocannon from 'autocannon';

const ID_IN_ANSWER = /"id":"([0-9a-f-]{36})"/;
const OUTCOME_IN_ANSWER = /"outcome":"([a-z]+)"/;

/**
 * Hands out bodies in order, each once (a report's photo can be attached once), or round and round with
 * `reuse` (the bare route). `issued` counts what was handed out, an upper bound of what reached the server.
 */
export function bodySource(bodies, { reuse = false } = {}) {
  let issued = 0;
  return {
    take() {
      if (issued >= bodies.length && !reuse) throw new Error(`ran out of pre-generated reports after ${bodies.length}: raise --photos`);
      return bodies[issued++ % bodies.length];
    },
    get issued() {
      return issued;
    },
  };
}

/** Answers of one phase: status counts, outcomes and the ids the server created. */
export function answerTally() {
  return { statuses: new Map(), outcomes: new Map(), ids: [], samples: [] };
}

function record(tally, status, body) {
  tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
  if (status >= 500 && tally.samples.length < 5) tally.samples.push(`${status} ${String(body).slice(0, 200)}`);
  if (status !== 201) return;
  const id = ID_IN_ANSWER.exec(body)?.[1];
  if (id) tally.ids.push(id);
  const outcome = OUTCOME_IN_ANSWER.exec(body)?.[1];
  if (outcome) tally.outcomes.set(outcome, (tally.outcomes.get(outcome) ?? 0) + 1);
}

/**
 * One autocannon run of `seconds` against `path`, `connections` connections, each request with the
 * next body of `source` and its resident's token.
 */
export async function loadRun({ baseUrl, path, source, connections, seconds, tally }) {
  let failure = null;
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (request) => {
          try {
            const body = source.take();
            request.headers = { 'content-type': 'application/json', authorization: body.authorization };
            request.body = body.buffer;
          } catch (error) {
            failure ??= error;
            request.headers = { 'content-type': 'application/json' };
            request.body = '{}';
          }
          return request;
        },
        onResponse: (status, body) => record(tally, status, body),
      },
    ],
  });
  if (failure) throw failure;
  return result;
}

/** A few requests with fetch, `parallel` at a time, each checked by the caller's `check`. */
export async function sendSample({ baseUrl, path, source, count, parallel, tally }) {
  let sent = 0;
  async function worker() {
    while (sent < count) {
      sent++;
      const body = source.take();
      const response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: body.authorization },
        body: body.buffer,
        signal: AbortSignal.timeout(30_000),
      });
      record(tally, response.status, await response.text());
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** "201 × 1,234" style summary of a status map. */
export const describeStatuses = (statuses) =>
  [...statuses.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([status, n]) => `${status} × ${n}`)
    .join(', ') || 'none';

/**
 * The database after the pipeline runs: every answered report exists with its photo attached, no report
 * exists that was not handed out, the accepted ones opened distinct tickets and the merged ones joined one.
 * Returns the problems found (empty when consistent) and the outcome mix stored.
 * @param {import('mysql2/promise').Pool} pool
 */
export async function checkPipelineRows(pool, { runTag, answeredIds, issued }) {
  const problems = [];
  const [[stored]] = /** @type {any} */ (
    await pool.query(
      `SELECT COUNT(*) AS reports, COUNT(DISTINCT ticketId) AS tickets, SUM(outcome = 'accepted') AS accepted, SUM(outcome = 'merged') AS merged,
              (SELECT COUNT(*) FROM photos p JOIN reports r2 ON r2.id = p.reportId WHERE r2.clientRequestId LIKE ?) AS photos
       FROM reports r WHERE r.clientRequestId LIKE ?`,
      [`${runTag}-%`, `${runTag}-%`],
    )
  );
  const [mix] = await pool.query('SELECT outcome, COUNT(*) AS n FROM reports WHERE clientRequestId LIKE ? GROUP BY outcome ORDER BY n DESC', [`${runTag}-%`]);
  const reports = Number(stored.reports);
  const answered = answeredIds.length;
  if (new Set(answeredIds).size !== answered) problems.push(`${answered - new Set(answeredIds).size} report ids were answered twice`);
  let missing = 0;
  for (let i = 0; i < answeredIds.length; i += 5000) {
    const slice = answeredIds.slice(i, i + 5000);
    const [[found]] = /** @type {any} */ (await pool.query('SELECT COUNT(*) AS n FROM reports WHERE id IN (?)', [slice]));
    missing += slice.length - Number(found.n);
  }
  if (missing > 0) problems.push(`${missing} answered reports are not in the database (lost)`);
  if (reports < answered) problems.push(`database holds ${reports} reports of this run but ${answered} were answered 201`);
  if (reports > issued) problems.push(`database holds ${reports} reports of this run but only ${issued} were sent (doubled)`);
  if (Number(stored.photos) !== reports) problems.push(`${reports} reports but ${stored.photos} attached photos (one each expected)`);
  const [[events]] = /** @type {any} */ (
    await pool.query(
      `SELECT COUNT(*) AS n FROM ticket_events e WHERE e.action = 'supporter_joined' AND e.ticketId IN
         (SELECT ticketId FROM reports WHERE clientRequestId LIKE ? AND outcome = 'merged')`,
      [`${runTag}-%`],
    )
  );
  if (Number(stored.merged) > 0 && Number(events.n) < Number(stored.merged)) {
    problems.push(`${stored.merged} merged reports but only ${events.n} supporter_joined events on their tickets`);
  }
  const [[opened]] = /** @type {any} */ (
    await pool.query(
      `SELECT COUNT(DISTINCT t.id) AS n FROM tickets t JOIN reports r ON r.ticketId = t.id WHERE r.clientRequestId LIKE ? AND r.outcome = 'accepted'`,
      [`${runTag}-%`],
    )
  );
  if (Number(opened.n) !== Number(stored.accepted)) problems.push(`${stored.accepted} accepted reports opened ${opened.n} distinct tickets`);
  return { problems, reports, answered, mix: /** @type {Array<{outcome: string, n: number}>} */ (mix) };
}
