/**
 * A hash table from character n-grams (up to four UTF-16 units) to dense ids, keyed by the gram's code
 * units packed into one exact double — unigram c1, bigram c1·2¹⁶ + c2, trigram c1·2³² + c2·2¹⁶ + c3
 * (units are ≥ 1 after normalisation, so lengths never collide); a 4-gram does not fit in 53 bits, so
 * its first two units are hashed to 20 bits: 2⁴⁸ + h(c1, c2)·2³² + c3·2¹⁶ + c4 (above every trigram key;
 * two 4-grams share a key only when their last two units match and their first two collide in the hash,
 * which merely merges two rare features). Looking a gram up allocates nothing,
 * which keeps prediction free of garbage-collection pauses. Open addressing, linear probing.
 */
export class GramTable {
  private keys: Float64Array;
  private ids: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Float64Array(capacity);
    this.ids = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The id of `key`, or -1. */
  get(key: number): number {
    let slot = slotOf(key) & this.mask;
    for (;;) {
      const id = this.ids[slot];
      if (id < 0 || this.keys[slot] === key) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The id of `key`, adding it with the next id when it is new. */
  add(key: number): number {
    if ((this.count + 1) * 2 > this.ids.length) this.grow();
    let slot = slotOf(key) & this.mask;
    for (;;) {
      const id = this.ids[slot];
      if (id < 0) {
        this.keys[slot] = key;
        this.ids[slot] = this.count;
        return this.count++;
      }
      if (this.keys[slot] === key) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.ids = new Int32Array(ids.length * 2).fill(-1);
    this.mask = this.ids.length - 1;
    for (let slot = 0; slot < ids.length; slot++) {
      if (ids[slot] < 0) continue;
      let at = slotOf(keys[slot]) & this.mask;
      while (this.ids[at] >= 0) at = (at + 1) & this.mask;
      this.keys[at] = keys[slot];
      this.ids[at] = ids[slot];
    }
  }
}

const TWO_16 = 65536;
const TWO_32 = 4294967296;
const TWO_48 = 281474976710656;

function slotOf(key: number): number {
  const low = key % TWO_32 | 0;
  const high = (key / TWO_32) | 0;
  let h = Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca77);
  return h ^ (h >>> 13);
}

/** The packed key of text[start, start + length) for length 1–4. */
export function gramKey(text: string, start: number, length: number): number {
  const first = text.charCodeAt(start);
  if (length === 1) return first;
  const second = text.charCodeAt(start + 1);
  if (length === 2) return first * TWO_16 + second;
  const third = text.charCodeAt(start + 2);
  if (length === 3) return first * TWO_32 + second * TWO_16 + third;
  let head = Math.imul(first * TWO_16 + second, 0x9e3779b1);
  head = (head ^ (head >>> 16)) & 0xfffff;
  return TWO_48 + head * TWO_32 + third * TWO_16 + text.charCodeAt(start + 3);
}

/** The packed key of a whole gram string (1–4 units). */
export function keyOfGram(gram: string): number {
  return gramKey(gram, 0, gram.length);
}
