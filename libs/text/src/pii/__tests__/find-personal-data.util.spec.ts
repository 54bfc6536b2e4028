import { findPersonalData, maskPersonalData } from '../find-personal-data.util';

function found(input: string): [string, string][] {
  return findPersonalData(input).map((hit) => [hit.kind, input.slice(hit.start, hit.end)]);
}

describe('findPersonalData', () => {
  it.each([
    ['我的电话13812345678，谢谢', '13812345678'],
    ['电话 139 5170 1234 找王先生', '139 5170 1234'],
    ['手机：138-1234-5678', '138-1234-5678'],
    ['+86 138 1234 5678', '+86 138 1234 5678'],
    ['(+86)15805181234', '(+86)15805181234'],
    ['联系１３８１２３４５６７８', '１３８１２３４５６７８'],
  ])('finds the mobile number in "%s"', (input, number) => {
    expect(found(input)).toEqual([['mobile', number]]);
  });

  it.each([
    ['物业电话025-84561234', '025-84561234'],
    ['（025）84561234 打不通'.replace('（', '(').replace('）', ')'), '(025)84561234'],
    ['北京的010 6512 3456', '010 6512 3456'],
    ['苏州0512-65123456', '0512-65123456'],
  ])('finds the landline number in "%s"', (input, number) => {
    expect(found(input)).toEqual([['landline', number]]);
  });

  it('finds a valid ID number, with a final X too, and ignores one with a bad checksum', () => {
    expect(found('身份证号11010519491231002X，丢了')).toEqual([['id_card', '11010519491231002X']]);
    expect(found('身份证号110105194912310021')).toEqual([]);
    expect(found('身份证号320102199002301234')).toEqual([]);
  });

  it.each([
    ['车牌苏A12345停了半年', '苏A12345'],
    ['新能源车苏A·D12345', '苏A·D12345'],
    ['苏AD12345挡住了消防通道', '苏AD12345'],
    ['大车苏A12345D', '苏A12345D'],
    ['京N8G7K2违停', '京N8G7K2'],
    ['小写的苏a12345', '苏a12345'],
  ])('finds the plate in "%s"', (input, plate) => {
    expect(found(input)).toEqual([['plate', plate]]);
  });

  it.each([
    '打了12345没人管',
    '2024-05-12那天',
    '3号楼1201室',
    '价格是1380元',
    '苏ABCDEF',
    '编号12345678901234',
  ])('finds nothing in "%s"', (input) => {
    expect(found(input)).toEqual([]);
  });

  it('reports canonical values', () => {
    expect(findPersonalData('+86 138-1234-5678 苏a·d12345').map((hit) => hit.value)).toEqual(['13812345678', '苏AD12345']);
  });
});

describe('maskPersonalData', () => {
  it('keeps the start and the end of each number so staff can tell two apart', () => {
    expect(maskPersonalData('电话13812345678或13812349999')).toBe('电话138****5678或138****9999');
    expect(maskPersonalData('手机 +86 138-1234-5678')).toBe('手机 +86 138-****-5678');
    expect(maskPersonalData('座机025-84561234')).toBe('座机025-84****34');
    expect(maskPersonalData('身份证11010519491231002X')).toBe('身份证1101**********002X');
    expect(maskPersonalData('车牌苏A12345和苏A·D12345')).toBe('车牌苏A***45和苏A·****45');
  });

  it('masks full-width digits too and leaves other text alone', () => {
    expect(maskPersonalData('联系１３８１２３４５６７８谢谢')).toBe('联系１３８****５６７８谢谢');
    expect(maskPersonalData('路灯坏了，打了12345')).toBe('路灯坏了，打了12345');
  });
});
