/**
 * Aho–Corasick automaton over UTF-16 code units, for many patterns at once in one pass.
 *
 * Layout for speed on text that is mostly unrelated to the patterns: an alphabet table maps every
 * code unit to a dense index (0 = in no pattern, which sends the automaton straight back to the
 * root), the root's transitions are a plain array, and the other transitions live in one
 * open-addressing hash table keyed by (state, symbol). Failure and dictionary-suffix links are
 * precomputed, so a scan is O(text length + matches).
 */
export class AhoCorasick {
  private readonly symbolOf = new Int32Array(0x10000);
  private readonly rootNext: Int32Array;
  private readonly edgeState: Int32Array;
  private readonly edgeSymbol: Int32Array;
  private readonly edgeTarget: Int32Array;
  private readonly edgeMask: number;
  private readonly fail: Int32Array;
  private readonly terminal: Int32Array;
  private readonly dictLink: Int32Array;
  readonly patternLengths: Int32Array;

  /** Patterns must be distinct and non-empty; a match reports the pattern's index in this list. */
  constructor(patterns: readonly string[]) {
    this.patternLengths = Int32Array.from(patterns, (pattern) => pattern.length);
    let symbolCount = 0;
    for (const pattern of patterns) {
      for (let k = 0; k < pattern.length; k += 1) {
        const unit = pattern.charCodeAt(k);
        if (this.symbolOf[unit] === 0) this.symbolOf[unit] = ++symbolCount;
      }
    }

    const children: Map<number, number>[] = [new Map()];
    const terminalList: number[] = [-1];
    patterns.forEach((pattern, index) => {
      let state = 0;
      for (let k = 0; k < pattern.length; k += 1) {
        const symbol = this.symbolOf[pattern.charCodeAt(k)];
        let next = children[state].get(symbol);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          terminalList.push(-1);
          children[state].set(symbol, next);
        }
        state = next;
      }
      terminalList[state] = index;
    });

    const stateCount = children.length;
    this.terminal = Int32Array.from(terminalList);
    this.fail = new Int32Array(stateCount);
    this.dictLink = new Int32Array(stateCount);
    this.rootNext = new Int32Array(symbolCount + 1);
    const edgeCount = stateCount - 1;
    let capacity = 16;
    while (capacity < edgeCount * 2) capacity *= 2;
    this.edgeMask = capacity - 1;
    this.edgeState = new Int32Array(capacity).fill(-1);
    this.edgeSymbol = new Int32Array(capacity);
    this.edgeTarget = new Int32Array(capacity);

    const queue = new Int32Array(stateCount);
    let head = 0;
    let tail = 0;
    for (const [symbol, child] of children[0]) {
      this.rootNext[symbol] = child;
      queue[tail++] = child;
    }
    while (head < tail) {
      const state = queue[head++];
      for (const [symbol, child] of children[state]) {
        this.insertEdge(state, symbol, child);
        queue[tail++] = child;
        const failTarget = this.step(this.fail[state], symbol);
        this.fail[child] = failTarget;
        this.dictLink[child] = this.terminal[failTarget] >= 0 ? failTarget : this.dictLink[failTarget];
      }
    }
  }

  /**
   * Scans `codes[0 … length)` and writes each match as a pair (pattern index, end offset) into
   * `out`, growing it when full. Returns the buffer (possibly a new one) and the number of pairs.
   */
  scan(codes: Uint16Array, length: number, out: Int32Array): { buffer: Int32Array; count: number } {
    const symbolOf = this.symbolOf;
    const terminal = this.terminal;
    const dictLink = this.dictLink;
    let buffer = out;
    let count = 0;
    let state = 0;
    for (let k = 0; k < length; k += 1) {
      const symbol = symbolOf[codes[k]];
      if (symbol === 0) {
        state = 0;
        continue;
      }
      state = this.step(state, symbol);
      let found = terminal[state] >= 0 ? state : dictLink[state];
      while (found > 0) {
        if (count * 2 + 2 > buffer.length) {
          const bigger = new Int32Array(buffer.length * 2 + 16);
          bigger.set(buffer);
          buffer = bigger;
        }
        buffer[count * 2] = terminal[found];
        buffer[count * 2 + 1] = k + 1;
        count += 1;
        found = dictLink[found];
      }
    }
    return { buffer, count };
  }

  private step(from: number, symbol: number): number {
    let state = from;
    for (;;) {
      if (state === 0) return this.rootNext[symbol];
      const next = this.edge(state, symbol);
      if (next >= 0) return next;
      state = this.fail[state];
    }
  }

  private slotOf(state: number, symbol: number): number {
    return ((Math.imul(state, 0x9e3779b1) ^ Math.imul(symbol, 0x85ebca6b)) >>> 0) & this.edgeMask;
  }

  private edge(state: number, symbol: number): number {
    for (let slot = this.slotOf(state, symbol); ; slot = (slot + 1) & this.edgeMask) {
      const owner = this.edgeState[slot];
      if (owner === -1) return -1;
      if (owner === state && this.edgeSymbol[slot] === symbol) return this.edgeTarget[slot];
    }
  }

  private insertEdge(state: number, symbol: number, target: number): void {
    let slot = this.slotOf(state, symbol);
    while (this.edgeState[slot] !== -1) slot = (slot + 1) & this.edgeMask;
    this.edgeState[slot] = state;
    this.edgeSymbol[slot] = symbol;
    this.edgeTarget[slot] = target;
  }
}
