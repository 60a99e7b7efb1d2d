// Lint: the recommended rules plus the architecture's import boundaries
// (shared/docs/architecture.md), so layering is enforced by the tool, not by
// memory. tests/node/lint-boundaries.test.ts proves each boundary still fires.
import { builtinModules } from 'node:module';
import { defineConfig, globalIgnores } from 'eslint/config';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// ESLint's own "recommended" set, read from the rules' metadata: the same
// list @eslint/js exports, without needing that package.
const eslintRecommended = Object.fromEntries(
  [...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended).map(([name]) => [name, 'error']),
);

// ---- The boundaries, as no-restricted-imports fragments ----------------------
const ELECTRON = {
  patterns: [
    {
      regex: '^electron(/.*)?$',
      message: 'Only electron/main and electron/preload may import Electron (architecture.md).',
    },
  ],
};
const NODE = {
  paths: builtinModules
    .filter((name) => !name.startsWith('_'))
    .map((name) => ({ name, message: 'Node built-ins are not available here (architecture.md).' })),
  patterns: [{ regex: '^node:', message: 'Node built-ins are not available here (architecture.md).' }],
};
const SQLITE = {
  patterns: [{ regex: '^better-sqlite3(/.*)?$', message: 'Only electron/store talks to SQLite.' }],
};
const UI_LIBS = {
  patterns: [
    {
      regex: '^(react|react-dom|mobx|mobx-react-lite|echarts|zrender)(/.*)?$|^@tanstack/',
      message: 'shared/ is pure TypeScript: UI and state libraries belong in renderer/.',
    },
  ],
};
const relativeInto = (folders, message) => ({
  patterns: [{ regex: `^(\\.\\.?/)+(.*/)?(${folders.join('|')})(/|$)`, message }],
});
const INTO_ELECTRON = relativeInto(['electron'], 'renderer/ and shared/ never import from electron/: use the API client.');
const INTO_RENDERER = relativeInto(['renderer'], 'Nothing imports from renderer/: share code through shared/.');
const INTO_SHELL = {
  patterns: [
    {
      regex: '^\\.\\./(main|preload)(/|$)',
      message: 'The services, store, CLI and host must not depend on the Electron shell.',
    },
  ],
};
const INTO_NODE_SIDE = {
  patterns: [
    {
      regex: '^\\.\\./(main|services|store|cli|host)(/|$)',
      message: 'The sandboxed preload bundles only shared/ code: it can require nothing but electron.',
    },
  ],
};

/** One no-restricted-imports setting from several fragments (a later config object replaces, not merges, a rule). */
function restrict(...parts) {
  return [
    'error',
    { paths: parts.flatMap((p) => p.paths ?? []), patterns: parts.flatMap((p) => p.patterns ?? []) },
  ];
}

const SOURCES = ['**/*.{ts,tsx,mts,cts,js,mjs,cjs,jsx}'];

export default defineConfig(
  globalIgnores(['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.tmp/', 'native/']),
  { files: SOURCES, rules: eslintRecommended },
  tseslint.configs.recommended,
  {
    // Plain JS files are Node scripts and configs.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, 'readonly'])),
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Visible, but not a failure: test helpers and JSON plumbing sometimes need it.
      '@typescript-eslint/no-explicit-any': 'warn',
      // Flags the spare half of destructuring swaps (median-of-three): worth seeing, not failing.
      'no-useless-assignment': 'warn',
    },
  },

  // React's hook rules (and the React Compiler's checks of purity, refs and
  // state in effects) where React lives. exhaustive-deps is an error here: a
  // missing dependency is a stale value on screen.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  { files: ['renderer/**/*.{ts,tsx}'], rules: { 'react-hooks/exhaustive-deps': 'error' } },

  // One way to write (docs/architecture.md): views and components call store
  // actions that answer a WriteOutcome; they never write through PlanStore,
  // call the API client or map API errors themselves.
  {
    files: ['renderer/views/**', 'renderer/components/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='plan'][callee.property.name=/^(create|update|remove|batch|reorder|updateSettings)$/]",
          message: 'Write through a store action that answers a WriteOutcome (docs/architecture.md), not PlanStore directly.',
        },
        {
          selector: "CallExpression[callee.property.name='invoke']",
          message: 'Views do not call the API client: add a store action (docs/architecture.md).',
        },
        {
          selector: "ImportSpecifier[imported.name='toApiError']",
          message: 'Views do not map API errors: the store action answers the refusal in words (docs/architecture.md).',
        },
      ],
    },
  },

  // Boundaries. Everything outside the Electron shell: no Electron.
  { files: SOURCES, rules: { 'no-restricted-imports': restrict(ELECTRON) } },
  {
    files: ['shared/**'],
    rules: { 'no-restricted-imports': restrict(ELECTRON, NODE, SQLITE, UI_LIBS, INTO_ELECTRON, INTO_RENDERER) },
  },
  {
    files: ['renderer/**'],
    rules: { 'no-restricted-imports': restrict(ELECTRON, NODE, SQLITE, INTO_ELECTRON) },
  },
  {
    files: ['electron/store/**', 'electron/services/**', 'electron/cli/**', 'electron/host/**'],
    rules: { 'no-restricted-imports': restrict(ELECTRON, INTO_RENDERER, INTO_SHELL) },
  },
  {
    files: ['electron/main/**'],
    rules: { 'no-restricted-imports': restrict(INTO_RENDERER) },
  },
  {
    files: ['electron/preload/**'],
    rules: { 'no-restricted-imports': restrict(NODE, SQLITE, INTO_RENDERER, INTO_NODE_SIDE) },
  },
);
