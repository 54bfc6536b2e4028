/**
 * A hash table from character n-grams (up to four UTF-16 units) to dense ids, keyed by the gram's code
 * units packed into one exact double — unigram c1, bigram c1·2¹⁶ + c2, trigram c1·2³² + c2·2¹⁶ + c3
 * (units are ≥ 1 after normalisation, so lengths never collide); a 4-gram does not fit in 53 bits, so
 * its first two units are hashed to 20 bits: 2⁴⁸ + h(c1, c2)·2³² + c3·2¹⁶ + c4 (above every trigram key;
 * two 4-grams share a key only when their last two units match and their first two collide in the hash,
 * which merely merges two rare features). Looking a gram up allocates nothing,
 * which keeps prediction free of garbage-collection pauses. Unigrams sit in a direct table; longer grams
 * in one with open addressing and linear probing.
 */
export class GramTable {
  /** Unigram keys (one code unit) index this directly: the commonest lookups, and no probing. */
  private readonly unigrams = new Int32Array(TWO_16).fill(-1);
  /** Key and id side by side ([key, id] per slot, id -1 when empty), so a probe reads one cache line. */
  private slots: Float64Array;
  private mask: number;
  private count = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = emptySlots(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The id of `key`, or -1. */
  get(key: number): number {
    if (key < TWO_16) return this.unigrams[key];
    const { slots, mask } = this;
    let slot = slotOf(key) & mask;
    for (;;) {
      const id = slots[2 * slot + 1];
      if (id < 0 || slots[2 * slot] === key) return id;
      slot = (slot + 1) & mask;
    }
  }

  /** The id of `key`, adding it with the next id when it is new. */
  add(key: number): number {
    if (key < TWO_16) {
      if (this.unigrams[key] < 0) this.unigrams[key] = this.count++;
      return this.unigrams[key];
    }
    if ((this.count + 1) * 4 > this.slots.length) this.grow();
    let slot = slotOf(key) & this.mask;
    for (;;) {
      const id = this.slots[2 * slot + 1];
      if (id < 0) {
        this.slots[2 * slot] = key;
        this.slots[2 * slot + 1] = this.count;
        return this.count++;
      }
      if (this.slots[2 * slot] === key) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = emptySlots(old.length);
    this.mask = old.length / 2 - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] < 0) continue;
      let slot = slotOf(old[at]) & this.mask;
      while (this.slots[2 * slot + 1] >= 0) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = old[at];
      this.slots[2 * slot + 1] = old[at + 1];
    }
  }
}

function emptySlots(capacity: number): Float64Array {
  const slots = new Float64Array(2 * capacity);
  for (let slot = 0; slot < capacity; slot++) slots[2 * slot + 1] = -1;
  return slots;
}

const TWO_16 = 65536;
const TWO_32 = 4294967296;
const TWO_48 = 281474976710656;

function slotOf(key: number): number {
  // Keys are non-negative integers below 2⁴⁹: the split is exact, and cheaper than a floating `%`.
  const high = Math.floor(key / TWO_32);
  const low = (key - high * TWO_32) | 0;
  let h = Math.imul(low ^ Math.imul(high | 0, 0x27d4eb2d), 0x9e3779b1);
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
