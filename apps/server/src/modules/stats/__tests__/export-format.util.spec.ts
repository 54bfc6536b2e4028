import { attachmentDisposition, cityDateTime, csvLine, inertText, rounded } from '../export-format.util';

describe('export formatting', () => {
  it('quotes CSV cells with commas, quotes and line breaks, and ends lines with CRLF', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', null, 3.5])).toBe('a,"b,c","say ""hi""","two\nlines",,3.5\r\n');
  });

  it('keeps residents’ formulas inert, but not numbers', () => {
    expect(inertText('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(csvLine(['+1', '@SUM(A1)', '-2', -2])).toBe("'+1,'@SUM(A1),'-2,-2\r\n");
    expect(inertText('井盖缺失')).toBe('井盖缺失');
  });

  it('names the file in RFC 5987 with an ASCII fallback', () => {
    expect(attachmentDisposition('工单 (11月).csv', 'tickets "11".csv')).toBe(
      `attachment; filename="tickets _11_.csv"; filename*=UTF-8''%E5%B7%A5%E5%8D%95%20%2811%E6%9C%88%29.csv`,
    );
  });

  it('shows times in the city’s zone', () => {
    expect(cityDateTime(new Date('2026-11-30T16:00:01Z'))).toBe('2026-12-01 00:00:01');
    expect(cityDateTime(null)).toBeNull();
    expect(rounded(2 / 3)).toBe(0.6667);
    expect(rounded(null)).toBeNull();
  });
});
