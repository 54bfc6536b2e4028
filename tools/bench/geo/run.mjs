#!/usr/bin/env node
// Point-location benchmark (issue 4, intake CPU): RegionsService.locate's work on the seed's Nanjing
// outlines — the service-area test against the city MultiPolygon, then the first containing district —
// for --points random GCJ-02 points in the city's box, in one run:
//   (a) indexed: findContaining / geometryContains as the server calls them (box + grid index per geometry,
//       built up front by prepareGeometry, as toOutlines does);
//   (b) scan: geometryContainsByScan, the ring test over every edge of every ring (what (a) replaced);
// checks that both give the same answer for every point, and prints µs per locate (best of --rounds,
// wall clock, one core), the ratio scan ÷ indexed and the index build time. Needs the built library:
// `npm run bench:geo` builds it.
//
//   node tools/bench/geo/run.mjs [--points 100000] [--rounds 5] [--seed 11]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../classifier/devsets/prng.mjs';
import { fmt, parseArgs, printTable } from '../lib/measure.mjs';

const options = parseArgs(process.argv.slice(2), { points: 100_000, rounds: 5, seed: 11 });
const here = path.dirname(fileURLToPath(import.meta.url));
const geo = createRequire(import.meta.url)(path.join(here, '../../../libs/geo/dist/index.js'));
const collection = JSON.parse(readFileSync(path.join(here, '../../../apps/server/src/seed/data/nanjing-districts.geojson'), 'utf8'));

// Fresh geometry objects each time, so that (a) and (b) never share a cached index.
function outlines() {
  const districts = JSON.parse(JSON.stringify(collection.features)).map((feature) => ({ ...feature, properties: { name: feature.properties.name } }));
  const polygons = districts.flatMap((d) => (d.geometry.type === 'Polygon' ? [d.geometry.coordinates] : d.geometry.coordinates));
  return { city: { type: 'MultiPolygon', coordinates: polygons }, districts };
}

/** Builds every index of a fresh copy (as after each reload of the outlines); returns the copy and ms. */
function prepared() {
  const copy = outlines();
  const started = performance.now();
  geo.prepareGeometry(copy.city);
  for (const district of copy.districts) geo.prepareGeometry(district.geometry);
  return { copy, ms: performance.now() - started };
}
const cold = prepared();
const { copy: indexed, ms: warmBuildMs } = prepared();
const scanned = outlines();

const [minLng, minLat, maxLng, maxLat] = geo.geometryBBox(indexed.city);
const random = mulberry32(options.seed);
const points = Array.from({ length: options.points }, () => ({ lng: minLng + random() * (maxLng - minLng), lat: minLat + random() * (maxLat - minLat) }));

/** The district name, '' for in the city but in no district, null for outside the service area. */
function locateIndexed(point) {
  if (!geo.geometryContains(indexed.city, point)) return null;
  return geo.findContaining(point, indexed.districts)?.properties.name ?? '';
}
function locateScanned(point) {
  if (!geo.geometryContainsByScan(scanned.city, point)) return null;
  return scanned.districts.find((d) => geo.geometryContainsByScan(d.geometry, point))?.properties.name ?? '';
}

function time(locate) {
  let best = Infinity;
  let answers;
  for (let round = 0; round < options.rounds; round++) {
    answers = new Array(points.length);
    const started = performance.now();
    for (let i = 0; i < points.length; i++) answers[i] = locate(points[i]);
    best = Math.min(best, performance.now() - started);
  }
  return { usPerLocate: (best * 1000) / points.length, answers };
}

console.log(`geo locate bench — node ${process.version}, ${options.points} points in the city box, best of ${options.rounds}; a shared machine varies from run to run`);
const fast = time(locateIndexed);
const slow = time(locateScanned);
const mismatches = fast.answers.filter((answer, i) => answer !== slow.answers[i]).length;
const inCity = fast.answers.filter((answer) => answer !== null).length;
printTable(
  ['method', 'µs per locate', 'locates/s'],
  [
    ['indexed (box + grid)', fmt.n(fast.usPerLocate, 3), fmt.n(1e6 / fast.usPerLocate, 0)],
    ['scan of every edge', fmt.n(slow.usPerLocate, 3), fmt.n(1e6 / slow.usPerLocate, 0)],
  ],
);
console.log(`ratio scan ÷ indexed: ${fmt.n(slow.usPerLocate / fast.usPerLocate, 1)}×; index build for city + ${indexed.districts.length} districts: ${fmt.n(cold.ms, 1)} ms first, ${fmt.n(warmBuildMs, 1)} ms again`);
console.log(`${inCity} of ${points.length} points in the service area; answers differing: ${mismatches}`);
if (mismatches > 0) process.exit(1);
