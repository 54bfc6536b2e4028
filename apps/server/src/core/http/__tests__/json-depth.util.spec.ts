import { jsonNestsDeeperThan } from '../json-depth.util';

describe('jsonNestsDeeperThan', () => {
  it('counts objects and arrays alike', () => {
    expect(jsonNestsDeeperThan('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":[{"b":[1]}]}', 3)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(JSON.stringify({ text: '[[[[{{{{', quoted: 'a\\"[[[[' }), 1)).toBe(false);
  });

  it('finds depth that only builds up late in a long body', () => {
    const body = `{"pad":"${'x'.repeat(10_000)}","deep":${'['.repeat(100)}${']'.repeat(100)}}`;
    expect(jsonNestsDeeperThan(body, 64)).toBe(true);
    expect(jsonNestsDeeperThan(body, 101)).toBe(false);
  });
});
