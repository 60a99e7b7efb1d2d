// The zip container of an .xlsx, checked before exceljs sees it: the entry
// count, each entry's packing ratio and the total unpacked size, read from
// the central directory; then every entry is really inflated with a ceiling
// of the size it declares, so a lying header cannot smuggle a zip bomb past
// the check (exceljs's own unzip trusts nothing less, but only after it has
// inflated everything).
import { inflateRawSync } from 'node:zlib';
import { SPREADSHEET_LIMITS } from '../../shared/api/methods/import';
import { SpreadsheetRefusal } from './spreadsheet-errors';

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const RATIO_CHECK_FROM = 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  packed: number;
  unpacked: number;
  localOffset: number;
}

function unreadable(why: string): SpreadsheetRefusal {
  return new SpreadsheetRefusal('unreadable', `it is not a valid .xlsx (zip) file: ${why}`);
}

function findEndOfDirectory(buf: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD_SIG) return i;
  throw unreadable('no zip directory');
}

/** The central directory's entries, refused when too many, too packed or too large unpacked. */
export function listZipEntries(buf: Buffer): ZipEntry[] {
  if (buf.length < 22) throw unreadable('too short');
  const end = findEndOfDirectory(buf);
  const count = buf.readUInt16LE(end + 10);
  const dirSize = buf.readUInt32LE(end + 12);
  const dirOffset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw unreadable('ZIP64 archives are not supported');
  if (count > SPREADSHEET_LIMITS.zipEntries) throw new SpreadsheetRefusal('zipEntries', undefined, count);
  if (dirOffset + dirSize > end) throw unreadable('the zip directory is outside the file');
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || buf.readUInt32LE(p) !== CENTRAL_SIG) throw unreadable('a damaged zip directory');
    const nameLen = buf.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      method: buf.readUInt16LE(p + 10),
      packed: buf.readUInt32LE(p + 20),
      unpacked: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    };
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    total += entry.unpacked;
    if (total > SPREADSHEET_LIMITS.unpackedBytes) throw new SpreadsheetRefusal('unpackedBytes', undefined, total);
    if (entry.unpacked > RATIO_CHECK_FROM && entry.unpacked > entry.packed * SPREADSHEET_LIMITS.zipRatio)
      throw new SpreadsheetRefusal('zipRatio', undefined, Math.round(entry.unpacked / Math.max(1, entry.packed)));
    entries.push(entry);
  }
  return entries;
}

/** One entry's bytes, inflated with a ceiling of its declared size. */
export function readZipEntry(buf: Buffer, entry: ZipEntry): Buffer {
  const h = entry.localOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== LOCAL_SIG) throw unreadable(`entry ${entry.name} is damaged`);
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  if (start + entry.packed > buf.length) throw unreadable(`entry ${entry.name} is cut short`);
  const packed = buf.subarray(start, start + entry.packed);
  if (entry.method === 0) return packed;
  if (entry.method !== 8) throw unreadable(`entry ${entry.name} uses an unknown compression`);
  let out: Buffer;
  try {
    out = inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.unpacked) });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new SpreadsheetRefusal('unpackedBytes', `entry ${entry.name} unpacks to more than it declares`);
    throw unreadable(`entry ${entry.name}: ${(e as Error).message}`);
  }
  if (out.length !== entry.unpacked) throw unreadable(`entry ${entry.name} unpacks to a size other than it declares`);
  return out;
}
