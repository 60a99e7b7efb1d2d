// Hostile .xlsx files for the import's limits (tests and bench): a real
// workbook written by exceljs whose first worksheet's XML is replaced, or
// whose zip is padded, with JSZip.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

async function baseZip(): Promise<JSZip> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Customers').addRow(['Name', 'Tier']);
  return JSZip.loadAsync(await wb.xlsx.writeBuffer());
}

const SHEET = 'xl/worksheets/sheet1.xml';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const TAIL = '</sheetData></worksheet>';

async function withSheetXml(rowsXml: string): Promise<Buffer> {
  const zip = await baseZip();
  zip.file(SHEET, HEAD + rowsXml + TAIL);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The review's workbook: one cell in column XFD on each of `rows` rows (2.5 KB that used to freeze the host). */
export function farColumnXlsx(rows = 200): Promise<Buffer> {
  let xml = '';
  for (let r = 1; r <= rows; r++) xml += `<row r="${r}"><c r="XFD${r}" t="inlineStr"><is><t>x</t></is></c></row>`;
  return withSheetXml(xml);
}

/** One cell on row `row` (past the row limit when over 100,000). */
export function farRowXlsx(row = 1_048_576): Promise<Buffer> {
  return withSheetXml(`<row r="${row}"><c r="A${row}" t="inlineStr"><is><t>x</t></is></c></row>`);
}

/** One inline-string cell of `chars` characters. */
export function longCellXlsx(chars = 40_000): Promise<Buffer> {
  return withSheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'y'.repeat(chars)}</t></is></c></row>`);
}

/** A worksheet padded with `mb` MB of blanks: packs more than 200 times (a zip bomb in miniature). */
export function zipBombXlsx(mb = 4): Promise<Buffer> {
  return withSheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>${' '.repeat(mb * 1024 * 1024)}`);
}

/** A workbook with `n` extra (empty) parts in its zip. */
export async function manyEntriesXlsx(n = 1500): Promise<Buffer> {
  const zip = await baseZip();
  for (let i = 0; i < n; i++) zip.file(`customXml/item${i}.xml`, '<a/>');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A valid workbook whose central directory says the sheet unpacks to fewer bytes than it does. */
export async function lyingSizeXlsx(): Promise<Buffer> {
  const buf = Buffer.from(await withSheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>${' '.repeat(200_000)}`));
  // Every central-directory record of the sheet: set its unpacked size to 10 bytes.
  for (let p = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p !== -1; p = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)) {
    const name = buf.toString('utf8', p + 46, p + 46 + buf.readUInt16LE(p + 28));
    if (name === SHEET) buf.writeUInt32LE(10, p + 24);
  }
  return buf;
}

/** A plain customer list and each hostile workbook: the seeds the XLSX fuzzing mutates. */
export async function xlsxSeeds(): Promise<Buffer[]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(['Name', 'Tier', 'Potential', 'Signed']);
  for (let i = 0; i < 30; i++) ws.addRow([`Customer ${i}`, 'SABC'[i % 4], i * 1000, new Date(Date.UTC(2027, i % 12, 1))]);
  const plain = Buffer.from(await wb.xlsx.writeBuffer());
  return [plain, await farColumnXlsx(20), await farRowXlsx(), await longCellXlsx(), await zipBombXlsx(2), await lyingSizeXlsx()];
}
