import { parseFormBody } from '../form-body.parser';

describe('parseFormBody', () => {
  it('decodes fields, keeps repeats in order and never touches Object.prototype', () => {
    const fields = parseFormBody('a=1&b=%E4%BA%95%E7%9B%96+x&a=2&attribute%5Bk%5D%5B%5D=v&__proto__=x&constructor=y');
    expect(Object.keys(fields ?? {})).toEqual(['a', 'b', 'attribute[k][]', '__proto__', 'constructor']);
    expect(fields?.a).toEqual(['1', '2']);
    expect(fields?.b).toBe('井盖 x');
    expect(fields?.['attribute[k][]']).toBe('v');
    expect(fields?.['__proto__']).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.getPrototypeOf(fields)).toBeNull();
  });

  it('gives up on too many fields', () => {
    expect(parseFormBody('a=1&b=2&c=3', 2)).toBeNull();
    expect(parseFormBody('a=1&b=2', 2)).not.toBeNull();
  });
});
