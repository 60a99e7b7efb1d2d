// Bytes of a text file (CSV/TSV) → a string, guessing the encoding the way a
// user's Excel would have written it:
// - a byte-order mark decides: UTF-8, UTF-16 LE ("Unicode text" export) or BE;
// - otherwise strict UTF-8 when the bytes are valid UTF-8;
// - otherwise GB18030, the superset of GBK/GB2312 that Chinese Windows Excel
//   uses for "CSV (comma delimited)". Windows-1252 text is valid GB18030 byte
//   for byte too, so Western accented text is the one case that may need
//   re-saving as "CSV UTF-8"; the preview shows what was read.
// TextDecoder is the WHATWG Encoding API: the same in Node and in Chromium.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function decodeTextBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
