import { describe, expect, it } from 'vitest';
import { decodeTextBytes, detectDelimiter, parseClipboardText, parseCsvText, parseDelimited } from '../../../shared/import';

describe('Excel clipboard text (tab-separated)', () => {
  it('splits CRLF rows and tab cells and ignores the trailing newline Excel adds', () => {
    expect(parseClipboardText('Name\tTier\r\nJiangnan Bank\tS\r\nHuadong Power\tA\r\n')).toEqual([
      ['Name', 'Tier'],
      ['Jiangnan Bank', 'S'],
      ['Huadong Power', 'A'],
    ]);
  });

  it('keeps empty cells, including trailing ones', () => {
    expect(parseClipboardText('a\t\tc\r\n\t\t\r\n')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ]);
  });

  it('reads quoted cells with embedded newlines, tabs and doubled quotes', () => {
    const text = 'Name\tNote\r\n"Line one\nLine two"\t"has\ttab"\r\n"say ""hi"""\tplain\r\n';
    expect(parseClipboardText(text)).toEqual([
      ['Name', 'Note'],
      ['Line one\nLine two', 'has\ttab'],
      ['say "hi"', 'plain'],
    ]);
  });

  it('treats a quote inside an unquoted cell as an ordinary character', () => {
    expect(parseClipboardText('5" pipe\t12" screen\n')).toEqual([['5" pipe', '12" screen']]);
  });

  it('reads a never-closed opening quote as literal text instead of swallowing the rest', () => {
    expect(parseClipboardText('"Acme\tS\nBeta\tA\n')).toEqual([
      ['"Acme', 'S'],
      ['Beta', 'A'],
    ]);
  });

  it('accepts LF-only and lone-CR line breaks', () => {
    expect(parseClipboardText('a\tb\nc\td')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseClipboardText('a\tb\rc\td\r')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('gives no rows for empty text', () => {
    expect(parseClipboardText('')).toEqual([]);
  });
});

describe('CSV', () => {
  it('strips the UTF-8 byte-order mark and parses quoted commas', () => {
    const { rows, delimiter } = parseCsvText('\uFEFFName,Potential\r\n"Bank, Shanghai","1,200,000"\r\n');
    expect(delimiter).toBe(',');
    expect(rows).toEqual([
      ['Name', 'Potential'],
      ['Bank, Shanghai', '1,200,000'],
    ]);
  });

  it('detects the semicolon of European Excel exports even when values contain commas', () => {
    const text = 'Name;Potential;Region\r\nAcme;1.200.000,50;Köln\r\nBeta, GmbH;300,5;Bonn\r\n';
    expect(detectDelimiter(text)).toBe(';');
    expect(parseCsvText(text).rows[2]).toEqual(['Beta, GmbH', '300,5', 'Bonn']);
  });

  it('detects tabs in a .tsv/.txt file and commas in a plain CSV', () => {
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
  });

  it('parses a quoted field with an embedded newline in CSV', () => {
    expect(parseDelimited('a,"x\r\ny",c\r\n', ',')).toEqual([['a', 'x\r\ny', 'c']]);
  });
});

describe('decoding file bytes', () => {
  const enc = (s: string) => new TextEncoder().encode(s);

  it('reads UTF-8 with and without BOM', () => {
    expect(decodeTextBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('名称,分级')]))).toEqual({ text: '名称,分级', encoding: 'utf-8' });
    expect(decodeTextBytes(enc('客户名称'))).toEqual({ text: '客户名称', encoding: 'utf-8' });
  });

  it('falls back to GB18030 for bytes written by Chinese Excel', () => {
    // "客户名称,分级\r\n江南银行,S" in GBK, as "CSV (comma delimited)" from Chinese Windows Excel writes it.
    const gbk = new Uint8Array([
      0xbf, 0xcd, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xb7, 0xd6, 0xbc, 0xb6, 0x0d, 0x0a,
      0xbd, 0xad, 0xc4, 0xcf, 0xd2, 0xf8, 0xd0, 0xd0, 0x2c, 0x53,
    ]);
    const out = decodeTextBytes(gbk);
    expect(out.encoding).toBe('gb18030');
    expect(parseCsvText(out.text).rows).toEqual([
      ['客户名称', '分级'],
      ['江南银行', 'S'],
    ]);
  });

  it('reads UTF-16 LE text ("Unicode text" export) by its BOM', () => {
    const s = 'Name\tTier\r\n张三\tS';
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < s.length; i++) {
      bytes[2 + i * 2] = s.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = s.charCodeAt(i) >> 8;
    }
    const out = decodeTextBytes(bytes);
    expect(out.encoding).toBe('utf-16le');
    expect(parseClipboardText(out.text)).toEqual([['Name', 'Tier'], ['张三', 'S']]);
  });
});
