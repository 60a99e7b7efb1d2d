// No import cycles anywhere in the app's code, type-only imports included:
// a cycle means two files that cannot be read (or moved) one without the
// other, and it is how layers quietly start leaning on each other. The graph
// is read from the source text (relative imports and re-exports), so a new
// cycle fails here with the files that form it.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE = /\.(ts|tsx|mts)$/;
const SPEC = /(?:^|[\s;}])(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|(?:^|[\s;])import\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  const candidates = [base, ...['.ts', '.tsx', '.mts'].map((e) => base + e), ...['index.ts', 'index.tsx'].map((i) => join(base, i))];
  return candidates.find((p) => existsSync(p) && statSync(p).isFile() && SOURCE.test(p)) ?? null;
}

/** Every cycle's files (strongly connected components of more than one file, or a file importing itself). */
export function importCycles(dirs: readonly string[]): string[][] {
  const files = dirs.flatMap((d) => sourceFiles(d));
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets = new Set<string>();
    for (const m of text.matchAll(SPEC)) {
      const target = resolveImport(file, m[1] ?? m[2]!);
      if (target) targets.add(target);
    }
    edges.set(file, [...targets]);
  }
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return cycles;
}

describe('import cycles', () => {
  it('there are none in renderer/, shared/, electron/, bench/ or tests/', () => {
    const cycles = importCycles(['renderer', 'shared', 'electron', 'bench', 'tests'].map((d) => join(root, d)));
    expect(cycles.map((c) => c.map((f) => relative(root, f)))).toEqual([]);
  });

  it('finds a type-only cycle through a re-export (so the check above can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycles-'));
    try {
      mkdirSync(join(dir, 'sub'));
      writeFileSync(join(dir, 'a.ts'), "import type { B } from './sub';\nexport type A = B;\n");
      writeFileSync(join(dir, 'sub', 'index.ts'), "export * from './b';\n");
      writeFileSync(join(dir, 'sub', 'b.ts'), "import type { A } from '../a';\nexport type B = { a?: A };\n");
      writeFileSync(join(dir, 'c.ts'), "import { x } from './d';\nexport const c = x;\n");
      writeFileSync(join(dir, 'd.ts'), 'export const x = 1;\n');
      const cycles = importCycles([dir]).map((c) => c.map((f) => relative(dir, f)));
      expect(cycles).toEqual([['a.ts', 'sub/b.ts', 'sub/index.ts']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
