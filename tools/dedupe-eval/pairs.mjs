// The labelled report pairs: each pair is (the first report, which opened a ticket; a later report) and
// whether the later one is the same problem. Everything random comes from one seeded generator.
import { FRAMES, PLACES, PROBLEMS } from './problems.mjs';

/** mulberry32: small, fast and seeded, so a seed always builds the same pairs and photos. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (random, low, high) => low + random() * (high - low);
const pickOf = (random, items) => items[Math.floor(random() * items.length)];

/** Share of each kind of pair (sums to 1); the three negative kinds are the hard ones issue 4 names. */
export const PAIR_KINDS = /** @type {const} */ ([
  ['same problem', 0.5],
  ['same category across the street', 0.2],
  ['other category at the same spot', 0.15],
  ['same category, same spot, other scene', 0.15],
]);

/** A report carries at least one photo this often (most residents attach one; some skip it). */
const PHOTO_SHARE = 0.85;
/** The resident picks the problem's own 小类 this often, a neighbouring 小类 or none the rest. */
const OWN_CATEGORY_SHARE = 0.8;
const NO_CATEGORY_SHARE = 0.1;

/**
 * Another object of the same kind "at the same spot" (the next lamp, the next bin) stands apart from the
 * first: its report's fix is the object's own position, this far away, plus the same GPS error a
 * re-report of one object has. Drawn from a stream of its own, so the rest of the pairs (texts, photos)
 * stays as it was.
 */
const SAME_KIND_SEPARATION_METRES = [5, 30];

const NANJING_CORE = { minLat: 31.98, maxLat: 32.1, minLng: 118.72, maxLng: 118.86 };
const METRES_PER_DEGREE = 111_195;

/** The point `metres` away from `point` in a random direction. */
function offset(random, point, metres) {
  const bearing = random() * 2 * Math.PI;
  return {
    lat: point.lat + (metres * Math.cos(bearing)) / METRES_PER_DEGREE,
    lng: point.lng + (metres * Math.sin(bearing)) / (METRES_PER_DEGREE * Math.cos((point.lat * Math.PI) / 180)),
  };
}

/** A problem's paraphrases as `{ text, facet }`: `facet` names the observed detail a text states, null when it states none. */
export function paraphrasesOf(problem) {
  return problem.texts.map((entry) => (typeof entry === 'string' ? { text: entry, facet: null } : { text: entry[1], facet: entry[0] }));
}

/** Two paraphrases can describe the same observation unless they state different details (死猫 vs 死狗). */
export const facetsAgree = (a, b) => a === null || b === null || a === b;

/** What a resident writes: one paraphrase of the problem, maybe a landmark, maybe some framing. */
function describe(random, problem, textIndex, place) {
  const { text } = paraphrasesOf(problem)[textIndex];
  const located = place === null ? text : random() < 0.5 ? `${place}${text}` : `${text}，在${place}`;
  return pickOf(random, FRAMES)(located);
}

/**
 * @param {Array<{ code: string, parentCode: string | null }>} categories seeded 小类 with their 大类
 */
export function buildPairs({ count, seed, categories }) {
  const random = prng(seed);
  const separationRandom = prng(seed * 2_654_435 + 1);
  const parentOf = new Map(categories.map((c) => [c.code, c.parentCode]));
  const siblingsOf = (code) => categories.filter((c) => c.parentCode === parentOf.get(code) && c.code !== code).map((c) => c.code);

  const chosenCategory = (problem) => {
    const u = random();
    if (u < OWN_CATEGORY_SHARE) return problem.category;
    if (u < OWN_CATEGORY_SHARE + NO_CATEGORY_SHARE) return null;
    const siblings = siblingsOf(problem.category);
    return siblings.length > 0 ? pickOf(random, siblings) : problem.category;
  };
  const places = () => {
    const first = random() < 0.5 ? pickOf(random, PLACES) : null;
    const second = random() < 0.5 ? (first !== null && random() < 0.4 ? first : pickOf(random, PLACES)) : null;
    return [first, second];
  };
  /**
   * The paraphrase indices of the ticket's and the report's text. Two residents never write the same
   * sentence. Reporting the same problem, they describe what they both see, so the second text states no
   * other detail than the first (a dead cat is not reported as a dead dog); another object of the same kind
   * may be in any state, and another problem is described in any of its own words.
   */
  const textsFor = (first, second, duplicate) => {
    const firstTexts = paraphrasesOf(first);
    const a = Math.floor(random() * firstTexts.length);
    if (second !== first) return [a, Math.floor(random() * paraphrasesOf(second).length)];
    const options = firstTexts.map((_, i) => i).filter((i) => i !== a && (!duplicate || facetsAgree(firstTexts[i].facet, firstTexts[a].facet)));
    return [a, pickOf(random, options)];
  };
  const otherProblem = (problem, accept) => {
    const options = PROBLEMS.filter((p) => p !== problem && accept(p));
    return options.length > 0 ? pickOf(random, options) : null;
  };

  let sceneCounter = 0;
  const newScene = (problem) => ({ template: problem.scene, seed: seed * 100_003 + ++sceneCounter });

  const pairs = [];
  const cumulative = [];
  PAIR_KINDS.reduce((sum, [, share]) => (cumulative.push(sum + share), sum + share), 0);
  for (let i = 0; i < count; i++) {
    const u = (i + 0.5) / count;
    const kind = PAIR_KINDS[cumulative.findIndex((c) => u < c)][0];
    const first = pickOf(random, PROBLEMS);
    const ticketPoint = { lat: between(random, NANJING_CORE.minLat, NANJING_CORE.maxLat), lng: between(random, NANJING_CORE.minLng, NANJING_CORE.maxLng) };
    const firstScene = newScene(first);
    let second = first;
    let secondScene = firstScene;
    let metres = between(random, 5, 40);
    if (kind === 'same category across the street') {
      // Another lamp, another manhole: half the time the same kind of fault, half another of the category.
      second = random() < 0.5 ? first : otherProblem(first, (p) => p.category === first.category) ?? first;
      secondScene = newScene(second);
      metres = between(random, 25, 60);
    } else if (kind === 'other category at the same spot') {
      const sameParent = random() < 0.5;
      second = otherProblem(first, (p) => p.category !== first.category && (parentOf.get(p.category) === parentOf.get(first.category)) === sameParent) ??
        otherProblem(first, (p) => p.category !== first.category);
      secondScene = newScene(second);
    } else if (kind === 'same category, same spot, other scene') {
      second = random() < 0.7 ? otherProblem(first, (p) => p.category === first.category) ?? first : first;
      if (second === first && first.area) {
        // The same kind at the same spot is the same site, depot or flood: the other problem there is another
        // fault of the category or of its 大类 (dust and night work at one site). From the side stream, so
        // the other pairs stay as they were.
        const others = PROBLEMS.filter((p) => p !== first && p.category === first.category);
        const siblings = PROBLEMS.filter((p) => p !== first && parentOf.get(p.category) === parentOf.get(first.category));
        second = pickOf(separationRandom, others.length > 0 ? others : siblings);
      }
      secondScene = newScene(second);
    }
    const [placeA, placeB] = places();
    const duplicate = kind === 'same problem';
    const separated = kind === 'same category, same spot, other scene' && second === first;
    const [textA, textB] = textsFor(first, second, duplicate);
    pairs.push({
      index: i,
      kind,
      duplicate,
      ticket: {
        problem: first.id,
        categoryCode: first.category,
        description: describe(random, first, textA, placeA),
        facet: paraphrasesOf(first)[textA].facet,
        point: ticketPoint,
        scene: random() < PHOTO_SHARE ? firstScene : null,
      },
      report: {
        problem: second.id,
        categoryCode: chosenCategory(second),
        description: describe(random, second, textB, placeB),
        facet: paraphrasesOf(second)[textB].facet,
        point: offset(random, separated ? offset(separationRandom, ticketPoint, between(separationRandom, ...SAME_KIND_SEPARATION_METRES)) : ticketPoint, metres),
        scene: random() < PHOTO_SHARE ? secondScene : null,
      },
      ageDays: between(random, 0, 7),
    });
  }
  return pairs;
}
