import { textFingerprint } from '@ssp/text';
import { TextFingerprintCache } from '../text-fingerprint.cache';

describe('TextFingerprintCache', () => {
  it('gives the fingerprint of the text, the same object while the text is unchanged', () => {
    const cache = new TextFingerprintCache(10);
    const first = cache.of('t1', '井盖缺失，很危险');
    expect(first).toEqual(textFingerprint('井盖缺失，很危险'));
    expect(cache.of('t1', '井盖缺失，很危险')).toBe(first);
  });

  it('makes a new fingerprint when the ticket’s text changed', () => {
    const cache = new TextFingerprintCache(10);
    const before = cache.of('t1', '井盖缺失，很危险');
    const after = cache.of('t1', '路灯不亮');
    expect(after).not.toBe(before);
    expect(after).toEqual(textFingerprint('路灯不亮'));
    expect(cache.size).toBe(1);
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const cache = new TextFingerprintCache(2);
    const a = cache.of('a', '井盖缺失');
    const b = cache.of('b', '路灯不亮');
    expect(cache.of('a', '井盖缺失')).toBe(a);
    cache.of('c', '垃圾满了');
    expect(cache.size).toBe(2);
    expect(cache.of('a', '井盖缺失')).toBe(a);
    const bAgain = cache.of('b', '路灯不亮');
    expect(bAgain).not.toBe(b);
    expect(bAgain).toEqual(b);
    expect(cache.size).toBe(2);
  });
});
