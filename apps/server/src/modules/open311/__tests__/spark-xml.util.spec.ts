import { escapeXmlText, toSparkXml } from '../spark-xml.util';

describe('toSparkXml', () => {
  it('writes containers of the Spark convention as repeated child elements', () => {
    expect(toSparkXml('services', [{ service_code: 'GY-01', metadata: true }, { service_code: 'GY-02', metadata: false }])).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<services><service><service_code>GY-01</service_code><metadata>true</metadata></service>' +
        '<service><service_code>GY-02</service_code><metadata>false</metadata></service></services>\n',
    );
  });

  it('writes null as an empty element, numbers as text and nested lists by their item names', () => {
    expect(toSparkXml('service_definition', { service_code: 'X', attributes: [{ order: 1, datatype_description: null, values: [{ key: 'a', name: 'A' }] }] })).toContain(
      '<attributes><attribute><order>1</order><datatype_description/><values><value><key>a</key><name>A</name></value></values></attribute></attributes>',
    );
    expect(toSparkXml('discovery', { endpoints: [{ formats: ['text/xml', 'application/json'] }] })).toContain(
      '<endpoints><endpoint><formats><format>text/xml</format><format>application/json</format></formats></endpoint></endpoints>',
    );
  });

  it('refuses a list it has no item name for, rather than inventing markup', () => {
    expect(() => toSparkXml('things', [1])).toThrow('things');
  });
});

describe('escapeXmlText', () => {
  it('escapes markup and quotes and drops characters XML 1.0 cannot carry', () => {
    expect(escapeXmlText(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXmlText('a\u0000b\u0007c\u001Fd\uFFFEe')).toBe('abcde');
    expect(escapeXmlText('tab\tline\nreturn\r')).toBe('tab\tline\nreturn\r');
    expect(escapeXmlText('lone \uD800 surrogate, pair 😀 kept')).toBe('lone  surrogate, pair 😀 kept');
    expect(escapeXmlText('井盖缺失]]>')).toBe('井盖缺失]]&gt;');
  });
});
