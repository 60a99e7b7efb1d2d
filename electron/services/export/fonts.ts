// The report's CJK font, bundled (@fontsource/noto-sans-sc) rather than
// taken from the machine: the PDF and the standalone HTML must show Chinese
// on any computer or phone. The font comes split into ~100 unicode-range
// subsets per weight; a report inlines only the subsets its own text uses
// (typically a few hundred kB), as base64 woff2 in @font-face rules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const REPORT_FONT_FAMILY = 'Noto Sans SC';
const WEIGHTS = [400, 700] as const;

interface Subset {
  weight: number;
  file: string;
  ranges: [number, number][];
}

let subsets: Subset[] | null = null;
let folder = '';

function parseRanges(text: string): [number, number][] {
  return text.split(',').map((r) => {
    const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
    const lo = parseInt(a!, 16);
    return [lo, b === undefined ? lo : parseInt(b, 16)];
  });
}

function loadSubsets(): Subset[] {
  if (subsets) return subsets;
  const require = createRequire(import.meta.url);
  folder = dirname(require.resolve('@fontsource/noto-sans-sc/400.css'));
  const list: Subset[] = [];
  for (const weight of WEIGHTS) {
    const css = readFileSync(join(folder, `${weight}.css`), 'utf8');
    for (const block of css.split('@font-face').slice(1)) {
      const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(block)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      if (file && range) list.push({ weight, file, ranges: parseRanges(range) });
    }
  }
  if (list.length === 0) throw new Error('the bundled report font (@fontsource/noto-sans-sc) has no subsets');
  subsets = list;
  return list;
}

/** @font-face rules, fonts inlined, for the subsets covering `text` in both weights. */
export function inlineFontCss(text: string): string {
  const codes = new Set<number>();
  for (const ch of text) codes.add(ch.codePointAt(0)!);
  const sorted = [...codes].sort((a, b) => a - b);
  const covers = (s: Subset) => s.ranges.some(([lo, hi]) => sorted.some((c) => c >= lo && c <= hi));
  return loadSubsets()
    .filter(covers)
    .map((s) => {
      const data = readFileSync(join(folder, s.file)).toString('base64');
      const range = s.ranges.map(([lo, hi]) => (lo === hi ? `U+${lo.toString(16)}` : `U+${lo.toString(16)}-${hi.toString(16)}`)).join(',');
      return `@font-face{font-family:'${REPORT_FONT_FAMILY}';font-style:normal;font-weight:${s.weight};src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range};}`;
    })
    .join('\n');
}
