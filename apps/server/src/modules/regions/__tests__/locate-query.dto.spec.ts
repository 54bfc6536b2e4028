import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { LocateQueryDto, decimalFromQuery } from '../dto/locate-query.dto';

describe('decimalFromQuery', () => {
  it.each([
    ['32.0416', 32.0416],
    ['-90', -90],
    ['+118.5', 118.5],
    ['.5', 0.5],
    ['1e2', 100],
  ])('reads %s as a number', (text, value) => {
    expect(decimalFromQuery({ value: text })).toBe(value);
  });

  it.each(['', ' ', 'NaN', 'Infinity', '0x20', '1,5', '32.0.1', 'abc'])('leaves %j as text', (text) => {
    expect(decimalFromQuery({ value: text })).toBe(text);
  });

  it('leaves a repeated parameter as the list it is', () => {
    expect(decimalFromQuery({ value: ['1', '2'] })).toEqual(['1', '2']);
  });
});

describe('LocateQueryDto', () => {
  const problems = async (query: Record<string, unknown>) =>
    (await validate(plainToInstance(LocateQueryDto, query))).map((error) => error.property);

  it('accepts a point in range', async () => {
    expect(await problems({ lat: '32.0416', lng: '118.7784', coordSystem: 'gcj02' })).toEqual([]);
  });

  it.each([
    [{ lat: '', lng: '118', coordSystem: 'gcj02' }, ['lat']],
    [{ lat: '1e999', lng: '118', coordSystem: 'wgs84' }, ['lat']],
    [{ lat: '32', lng: '180.5', coordSystem: 'wgs84' }, ['lng']],
    [{ lat: '32', lng: '118', coordSystem: 'bd09' }, ['coordSystem']],
  ])('refuses %j', async (query, fields) => {
    expect(await problems(query)).toEqual(fields);
  });
});
