import { LabelledTextParseError, parseLabelledText } from '../labelled-text.parser';

describe('parseLabelledText', () => {
  it('reads TSV with a BOM, CRLF line ends, blank lines and a header', () => {
    const content = '\ufefflabel\ttext\r\nSR-01\t路边一堆垃圾没人收\r\n\r\n  \r\nGY-01\t路灯不亮了\t晚上很黑\r\n';
    expect(parseLabelledText(content, 'reports.tsv')).toEqual([
      { label: 'SR-01', text: '路边一堆垃圾没人收' },
      { label: 'GY-01', text: '路灯不亮了\t晚上很黑' },
    ]);
  });

  it('names the file and line of a row without a tab', () => {
    const content = 'SR-01\t垃圾\n\nGY-01 路灯不亮\n';
    expect(() => parseLabelledText(content, 'bad.tsv')).toThrow(LabelledTextParseError);
    expect(() => parseLabelledText(content, 'bad.tsv')).toThrow('bad.tsv:3: expected "label<TAB>text" but found no tab');
  });

  it('refuses an empty label or text with the line number', () => {
    expect(() => parseLabelledText('A\tok\n\t没有标签\n')).toThrow('input:2: the label is empty');
    expect(() => parseLabelledText('A\t  \n')).toThrow('input:1: the text is empty');
  });

  it('reads RFC-4180 CSV: quoted commas, doubled quotes, quoted newlines, CRLF, any column order', () => {
    const content = '\ufeffid,text,label\r\n1,"井盖丢了，很危险, 快来",GY-02\r\n2,"他说""马上修""，结果没人来",QT-02\r\n\r\n3,"第一行\r\n第二行",SR-01\r\n';
    expect(parseLabelledText(content, 'rows.csv')).toEqual([
      { label: 'GY-02', text: '井盖丢了，很危险, 快来' },
      { label: 'QT-02', text: '他说"马上修"，结果没人来' },
      { label: 'SR-01', text: '第一行\r\n第二行' },
    ]);
  });

  it('recognises CSV by its label,text header when the file name says nothing', () => {
    expect(parseLabelledText('label,text\nA,"x, y"\n')).toEqual([{ label: 'A', text: 'x, y' }]);
  });

  it('reports the line of a CSV row with the wrong number of fields, and an unclosed quote', () => {
    expect(() => parseLabelledText('label,text\nA,ok\nB,one,two\n', 'x.csv')).toThrow('x.csv:3: expected 2 fields but found 3');
    expect(() => parseLabelledText('label,text\nA,"never closed\n', 'x.csv')).toThrow('x.csv:2: a quoted field is never closed');
    expect(() => parseLabelledText('name,body\nA,b\n', 'x.csv')).toThrow('x.csv:1: the CSV header must name the columns "label" and "text"');
  });
});
