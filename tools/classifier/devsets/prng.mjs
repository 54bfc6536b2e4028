// Seeded helpers shared by the development-set generators: a small PRNG (mulberry32), picking,
// shuffling and slot filling ("{road}" → a random entry of slots.road, recursively).

/** @param {number} seed */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @template T @param {() => number} random @param {readonly T[]} items @returns {T} */
export function pick(random, items) {
  return items[Math.floor(random() * items.length)];
}

/** @template T @param {() => number} random @param {readonly T[]} items @param {number} count @returns {T[]} */
export function pickSome(random, items, count) {
  return shuffle(random, items).slice(0, Math.min(count, items.length));
}

/** @template T @param {() => number} random @param {readonly T[]} items @returns {T[]} */
export function shuffle(random, items) {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/**
 * Replaces every {slot} with a random value of slots[slot] (values may contain slots themselves).
 * @param {() => number} random @param {string} template @param {Record<string, readonly string[]>} slots
 */
export function fill(random, template, slots) {
  let text = template;
  for (let depth = 0; depth < 4 && text.includes('{'); depth++) {
    text = text.replace(/\{(\w+)\}/g, (whole, name) => (slots[name] ? pick(random, slots[name]) : whole));
  }
  return text;
}

/** Integer in [min, max]. @param {() => number} random @param {number} min @param {number} max */
export function between(random, min, max) {
  return min + Math.floor(random() * (max - min + 1));
}
