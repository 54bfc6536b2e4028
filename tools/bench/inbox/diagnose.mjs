// Diagnosis for the inbox bench, not measured: a second server instance whose database connections go
// through a counting MySQL proxy and which records a V8 CPU profile, so a run can say how many
// statements a request sends, what MariaDB is busy with and where the server spends its CPU.
import autocannon from 'autocannon';
import * as path from 'node:path';
import { summariseProfileDir } from '../lib/cpuprofile.mjs';
import { fmt } from '../lib/measure.mjs';
import { startCountingProxy } from '../lib/mysql-proxy.mjs';
import { startServer } from '../lib/server.mjs';
import { sampleProcesslist, shapeOf } from './sql.mjs';

/**
 * Starts a second server (one process) whose database connections go through a counting proxy and
 * which records a V8 CPU profile; sends 100 sequential requests (statements per request), then 5 s of
 * load at the bench's concurrency while sampling PROCESSLIST; stops it and summarises the profile.
 * `track` receives the running instance (null once stopped) so the caller's cleanup can stop it.
 */
export async function diagnose({ token, env, dataDir, databaseUrl, admin, database, connections, status, section, track }) {
  section('(d) diagnosis: a second server instance through a counting MySQL proxy, with --cpu-prof (not measured)');
  const proxied = new URL(databaseUrl);
  const proxy = await startCountingProxy({ targetHost: proxied.hostname, targetPort: Number(proxied.port || 3306) });
  const profileDir = path.join(dataDir, 'cpu-profile');
  proxied.port = String(proxy.port);
  /** @type {import('../lib/server.mjs').RunningServer | null} */
  let probe = null;
  try {
    probe = await startServer({
      env: { ...env, DATABASE_URL: proxied.toString() },
      logFile: path.join(dataDir, 'server-profile.log'),
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
    });
    track(probe); // so that the bench's cleanup stops it on failure
    const url = `${probe.baseUrl}/api/v1/tickets?status=${status}`;
    const get = async () => {
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`GET ${url} → ${response.status}`);
      await response.arrayBuffer();
    };
    for (let i = 0; i < 50; i++) await get();
    proxy.reset();
    const sequential = 100;
    for (let i = 0; i < sequential; i++) await get();
    const shapes = new Map();
    for (const statement of proxy.statements) shapes.set(shapeOf(statement), (shapes.get(shapeOf(statement)) ?? 0) + 1);
    const perRequest = proxy.statements.length / sequential;
    console.log(`statements per GET /api/v1/tickets: ${perRequest.toFixed(2)} (${proxy.statements.length} over ${sequential} sequential requests${proxy.executes() ? `, plus ${proxy.executes()} prepared executes` : ''}):`);
    for (const [shape, n] of [...shapes.entries()].sort((a, b) => b[1] - a[1])) console.log(`  ${(n / sequential).toFixed(2)} ×  ${shape}`);

    const sampler = sampleProcesslist(admin, database);
    const loadStart = process.hrtime.bigint();
    const load = await autocannon({ url, connections, duration: 5, headers: { authorization: `Bearer ${token}` } });
    const loadEnd = process.hrtime.bigint();
    const profile = await sampler.stop();
    console.log(`\nunder load (${connections} connections, 5 s, ${fmt.n(load['2xx'] / load.duration, 0)} req/s with profiler and proxy on): PROCESSLIST sampled ${profile.samples}× — a statement of this database was running in ${((profile.busySamples / profile.samples) * 100).toFixed(0)}% of the samples`);
    const seen = profile.shapes.reduce((sum, [, n]) => sum + n, 0);
    for (const [shape, n] of profile.shapes.slice(0, 5)) console.log(`  ${((n / seen) * 100).toFixed(0).padStart(3)}% of in-flight sightings  ${shape.slice(0, 160)}`);

    await probe.stop();
    track(null);
    const summary = summariseProfileDir(profileDir, { top: 15, windowNs: [loadStart, loadEnd] });
    if (!summary) {
      console.log('(no CPU profile was written)');
      return { perRequest, shapes };
    }
    const perAnswer = summary.windowed ? ` ≈ ${fmt.n(summary.busyMs / load['2xx'], 2)} ms per answer (profiler overhead included)` : '';
    console.log(`\nserver CPU profile: ${fmt.n(summary.busyMs / 1000, 1)} s of busy samples ${summary.windowed ? 'during the 5 s of load' : 'over the whole life of the instance, start-up included'}${perAnswer}:`);
    console.log('  self time by package:');
    for (const p of summary.packages) console.log(`    ${(p.share * 100).toFixed(1).padStart(5)}%  ${p.name}`);
    console.log('  hottest functions (self time):');
    for (const f of summary.functions.slice(0, 15)) console.log(`    ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}`);
    return { perRequest, shapes, summary };
  } finally {
    if (probe) await probe.stop().catch(() => undefined);
    await proxy.close();
  }
}
