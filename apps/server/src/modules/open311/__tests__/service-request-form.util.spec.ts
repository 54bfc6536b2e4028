import { isAcceptableMediaUrl, readServiceRequestForm } from '../service-request-form.util';

const read = (fields: Record<string, string | string[]>) => readServiceRequestForm(fields);

describe('readServiceRequestForm', () => {
  it('reads the GeoReport fields, groups attributes and keeps no names or phone numbers', () => {
    const result = read({
      api_key: 'k',
      service_code: 'GY-02',
      lat: '32.04',
      long: '118.78',
      description: ' 井盖缺失\u0007 ',
      email: 'A@Example.com',
      first_name: '小明',
      last_name: '王',
      phone: '13912345678',
      'attribute[condition]': 'missing',
      'attribute[place][]': ['road', 'sidewalk'],
    });
    expect(result).toEqual({
      ok: {
        apiKey: 'k',
        serviceCode: 'GY-02',
        location: { lat: 32.04, lng: 118.78 },
        addressString: null,
        description: '井盖缺失',
        mediaUrl: null,
        subject: 'email:a@example.com',
        deviceId: null,
        attributes: new Map([
          ['condition', ['missing']],
          ['place', ['road', 'sidewalk']],
        ]),
      },
    });
    expect(JSON.stringify('ok' in result ? { ...result.ok, attributes: [...result.ok.attributes] } : null)).not.toMatch(/小明|13912345678/);
  });

  it('prefers account_id, then email, then device_id as the subject; empty values count as absent', () => {
    const subject = (fields: Record<string, string>) => {
      const result = read(fields);
      return 'ok' in result ? result.ok.subject : result.problems;
    };
    expect(subject({ account_id: '7', email: 'e@x.cn', device_id: 'd' })).toBe('account:7');
    expect(subject({ account_id: '', device_id: 'd' })).toBe('device:d');
    expect(subject({})).toBeNull();
  });

  it('refuses repeated fields, half a position, non-numbers and bad media URLs', () => {
    const problems = (fields: Record<string, string | string[]>) => {
      const result = read(fields);
      return 'problems' in result ? result.problems : [];
    };
    expect(problems({ service_code: ['GY-01', 'GY-02'] })).toEqual(['service_code 只能提交一次']);
    expect(problems({ lat: '32' })).toEqual(['lat 和 long 需要同时提供']);
    expect(problems({ lat: '0x20', long: '1e2' })).toEqual(['lat 必须是数字（WGS-84 经纬度）', 'long 必须是数字（WGS-84 经纬度）']);
    expect(problems({ lat: '-90.5', long: '180.01' })).toEqual(['lat 超出范围', 'long 超出范围']);
    expect(problems({ media_url: 'ftp://x/y' })).toEqual(['media_url 须为 http(s) 链接']);
    expect(problems({ 'attribute[]': 'x' })).toEqual(['无法识别的字段 attribute[]（应为 attribute[code]=value）']);
    expect(problems({ description: '井'.repeat(501) })).toEqual(['description 不能超过 500 字']);
    expect(problems({ api_key: 'k'.repeat(4001) })).toEqual(['api_key 过长']);
  });
});

describe('isAcceptableMediaUrl', () => {
  it('takes absolute http(s) URLs without credentials', () => {
    expect(isAcceptableMediaUrl('https://img.example.org/a.jpg?x=1')).toBe(true);
    expect(isAcceptableMediaUrl('http://10.0.0.1/a.jpg')).toBe(true);
    for (const url of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'file:///etc/passwd', '//example.org/a.jpg', 'https://u:p@example.org/a', `https://e.org/${'a'.repeat(2000)}`]) {
      expect(isAcceptableMediaUrl(url)).toBe(false);
    }
  });
});
