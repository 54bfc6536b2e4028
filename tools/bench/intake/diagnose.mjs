// Diagnosis of the intake benchmark (not measured): a second bench server whose database connections go
// through the counting MySQL proxy and which records a V8 CPU profile. Counts the statements of each
// route on sequential requests, then loads the pipeline while sampling PROCESSLIST, and summarises the
// profile over the loaded window.
import { startCountingProxy } from '../lib/mysql-proxy.mjs';
import { summariseProfileDir } from '../lib/cpuprofile.mjs';
import { fmt } from '../lib/measure.mjs';
import { sampleProcesslist, shapeOf } from '../inbox/sql.mjs';
import { answerTally, describeStatuses, loadRun, sendSample } from './load.mjs';
import * as path from 'node:path';

const REPORTS_PATH = '/api/v1/reports';
const BARE_PATH = '/api/v1/bench/bare';
const SEQUENTIAL = 100;

/** Statements per request of one route over `SEQUENTIAL` sequential requests, by shape. */
async function countStatements(proxy, baseUrl, routePath, source, label) {
  const warm = answerTally();
  await sendSample({ baseUrl, path: routePath, source, count: 20, parallel: 1, tally: warm });
  proxy.reset();
  const tally = answerTally();
  await sendSample({ baseUrl, path: routePath, source, count: SEQUENTIAL, parallel: 1, tally });
  if ((tally.statuses.get(201) ?? 0) !== SEQUENTIAL) throw new Error(`${label} during diagnosis: ${describeStatuses(tally.statuses)}`);
  const shapes = new Map();
  for (const statement of proxy.statements) shapes.set(shapeOf(statement), (shapes.get(shapeOf(statement)) ?? 0) + 1);
  const perRequest = proxy.statements.length / SEQUENTIAL;
  console.log(`statements per ${label}: ${perRequest.toFixed(2)} (${proxy.statements.length} over ${SEQUENTIAL} sequential requests${proxy.executes() ? `, plus ${proxy.executes()} prepared executes` : ''}):`);
  for (const [shape, n] of [...shapes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${(n / SEQUENTIAL).toFixed(2)} ×  ${shape.slice(0, 220)}`);
  return perRequest;
}

/**
 * @param {{ startBenchServer: Function, stopMain: () => Promise<void>, setServer: (server: any) => void, admin: any,
 *   databaseUrl: string, dataDir: string, database: string, reportsSource: any, bareSource: any, connections: number,
 *   seconds: number, section: (title: string) => void }} context
 */
export async function diagnose(context) {
  const { startBenchServer, stopMain, setServer, admin, databaseUrl, dataDir, database, reportsSource, bareSource, connections, seconds, section } = context;
  section('(c) diagnosis: a second server instance through a counting MySQL proxy, with --cpu-prof (not measured)');
  await stopMain();
  const target = new URL(databaseUrl);
  const proxy = await startCountingProxy({ targetHost: target.hostname, targetPort: Number(target.port || 3306) });
  const profileDir = path.join(dataDir, 'cpu-profile');
  const proxied = new URL(databaseUrl);
  proxied.port = String(proxy.port);
  let probe = null;
  try {
    probe = await startBenchServer('server-profile.log', {
      env: { DATABASE_URL: proxied.toString() },
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
    });
    setServer(probe);
    const pipelineStatements = await countStatements(proxy, probe.baseUrl, REPORTS_PATH, reportsSource, 'POST /api/v1/reports');
    const bareStatements = await countStatements(proxy, probe.baseUrl, BARE_PATH, bareSource, 'POST /api/v1/bench/bare');

    const sampler = sampleProcesslist(admin, database);
    const tally = answerTally();
    const loadStart = process.hrtime.bigint();
    const load = await loadRun({ baseUrl: probe.baseUrl, path: REPORTS_PATH, source: reportsSource, connections, seconds, tally });
    const loadEnd = process.hrtime.bigint();
    const processlist = await sampler.stop();
    console.log(
      `\nunder load (${connections} connections, ${seconds} s, ${fmt.n(load['2xx'] / load.duration, 0)} req/s with profiler and proxy on; ${describeStatuses(tally.statuses)}): ` +
        `PROCESSLIST sampled ${processlist.samples}× — a statement of this database was running in ${((processlist.busySamples / Math.max(1, processlist.samples)) * 100).toFixed(0)}% of the samples`,
    );
    const seen = processlist.shapes.reduce((sum, [, n]) => sum + n, 0);
    for (const [shape, n] of processlist.shapes.slice(0, 8)) console.log(`  ${((n / seen) * 100).toFixed(0).padStart(3)}% of in-flight sightings  ${shape.slice(0, 180)}`);

    await probe.stop();
    setServer(null);
    probe = null;
    const summary = summariseProfileDir(profileDir, { top: 25, windowNs: [loadStart, loadEnd] });
    if (!summary) {
      console.log('(no CPU profile was written)');
      return { pipelineStatements, bareStatements };
    }
    console.log(`\nserver CPU profile: ${fmt.n(summary.busyMs / 1000, 1)} s of busy samples ${summary.windowed ? `during the ${seconds} s of load` : 'over the whole life of the instance'} (${summary.file}):`);
    console.log('  self time by package:');
    for (const p of summary.packages.slice(0, 15)) console.log(`    ${(p.share * 100).toFixed(1).padStart(5)}%  ${p.name}`);
    console.log('  hottest functions (self time):');
    for (const f of summary.functions) console.log(`    ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}`);
    return { pipelineStatements, bareStatements, summary };
  } finally {
    if (probe) await probe.stop().catch(() => undefined);
    await proxy.close();
  }
}
