import { GramTable, gramKey, keyOfGram } from '../gram-table';

describe('GramTable', () => {
  it('numbers keys in insertion order and finds them again, through growth, like a Map', () => {
    const table = new GramTable(4);
    const reference = new Map<number, number>();
    let state = 7;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state;
    };
    const units = () => 0x4e00 + (next() % 300);
    for (let n = 0; n < 20_000; n++) {
      const length = 1 + (next() % 4);
      const gram = String.fromCharCode(...Array.from({ length }, units));
      const key = keyOfGram(gram);
      const id = table.add(key);
      if (!reference.has(key)) reference.set(key, reference.size);
      expect(id).toBe(reference.get(key));
    }
    expect(table.size).toBe(reference.size);
    for (const [key, id] of reference) expect(table.get(key)).toBe(id);
    expect(table.get(keyOfGram('a'))).toBe(-1);
    expect(table.get(keyOfGram('ab'))).toBe(-1);
    expect(table.get(keyOfGram('abc'))).toBe(-1);
  });

  it('keys a gram inside a text like the same gram on its own', () => {
    expect(gramKey('路灯坏了', 1, 2)).toBe(keyOfGram('灯坏'));
    expect(gramKey('路灯坏了', 0, 3)).not.toBe(keyOfGram('路灯'));
  });
});
