import { clipText, normalizeForClassifier } from '../classifier-normalize.util';

describe('normalizeForClassifier', () => {
  it('folds width and case, digits, punctuation, emoji and invisible characters', () => {
    expect(normalizeForClassifier('ＫＴＶ太吵了！！😡\u200b１２３号楼')).toBe('ktv太吵了 0号楼');
    expect(normalizeForClassifier('  路灯，不亮。  ')).toBe('路灯 不亮');
  });
});

describe('clipText', () => {
  it('keeps short texts and cuts long ones to head and tail', () => {
    expect(clipText('abc', 10)).toBe('abc');
    const clipped = clipText(`${'a'.repeat(100)}${'b'.repeat(100)}`, 30);
    expect(clipped).toBe(`${'a'.repeat(20)} ${'b'.repeat(10)}`);
  });
});
