// The one API contract: every method's name, the zod schema of its single
// argument object, and its result type. Handlers (electron/services), the
// Electron IPC bridge, the HTTP host, the CLI and the renderer client are all
// typed from this map; nothing else declares a method.
import { z } from 'zod';
import { idSchema, planSettingsSchema } from '../plan/schema';
import type { Plan, PlanSettings } from '../plan/types';

import type { FileInfo } from './file-info';
import { COLLECTION_KINDS, COLLECTIONS, type CollectionKind, type EditResult, type EntityOf } from './collections';
import { method, none, returns } from './define';
import { backupMethods } from './methods/backups';
import { exportMethods, type ExportOutcome } from './methods/export';
import { importMethods } from './methods/import';
import { planLoadMethods } from './methods/plan-load';
import { historyMethods } from './methods/history';
import { simulationMethods, type RunOutcome } from './methods/simulation';
import { teamMethods } from './methods/team';
import { trackingMethods } from './methods/tracking';
const pathArg = z.string().min(1).max(4096);

// FileInfo lives in ./file-info so that method files (methods/backups.ts) can use it without importing this map.
export type { FileInfo } from './file-info';
export interface RecentFile {
  path: string;
  name: string;
  openedAt: string; // ISO time
  exists: boolean;
}
export interface PlanSnapshot {
  file: FileInfo;
  /** Increases with every committed edit; lets views drop stale answers. */
  revision: number;
  plan: Plan;
}
// EditResult and the collections live in ./collections so that per-area
// method files (methods/history.ts) can use them without importing this map.
export { COLLECTION_KINDS, COLLECTIONS, type CollectionKind, type EditResult, type EntityOf };

type CrudMethods<K extends CollectionKind> = {
  [M in `${K}.create`]: ReturnType<typeof crud<K>>['create'];
} & { [M in `${K}.update`]: ReturnType<typeof crud<K>>['update'] } & {
  [M in `${K}.delete`]: ReturnType<typeof crud<K>>['delete'];
} & { [M in `${K}.reorder`]: ReturnType<typeof crud<K>>['reorder'] };

function crud<K extends CollectionKind>(kind: K) {
  const schema = COLLECTIONS[kind].schema as z.ZodObject;
  return {
    /** Add an entity; `index` places it in the collection's order (default: last). */
    create: method(
      z.strictObject({ value: schema, index: z.number().int().min(0).optional() }),
      returns<EditResult<EntityOf<K>>>(),
    ),
    /** Replace the entity `id` with `value` (which may carry a new id: references follow). */
    update: method(z.strictObject({ id: idSchema, value: schema }), returns<EditResult<EntityOf<K>>>()),
    delete: method(z.strictObject({ id: idSchema }), returns<EditResult<null>>()),
    /** The full list of ids in their new order. */
    reorder: method(z.strictObject({ ids: z.array(idSchema) }), returns<EditResult<null>>()),
  };
}

function crudFor<K extends CollectionKind>(kind: K): CrudMethods<K> {
  const m = crud(kind);
  return {
    [`${kind}.create`]: m.create,
    [`${kind}.update`]: m.update,
    [`${kind}.delete`]: m.delete,
    [`${kind}.reorder`]: m.reorder,
  } as CrudMethods<K>;
}

/** One edit inside `plan.batch`; the same operations as the per-kind methods. */
export const editSchema = z.discriminatedUnion(
  'kind',
  COLLECTION_KINDS.map((kind) => {
    const schema = COLLECTIONS[kind].schema as z.ZodObject;
    const k = z.literal(kind);
    return z.discriminatedUnion('op', [
      z.strictObject({ kind: k, op: z.literal('create'), value: schema, index: z.number().int().min(0).optional() }),
      z.strictObject({ kind: k, op: z.literal('update'), id: idSchema, value: schema }),
      z.strictObject({ kind: k, op: z.literal('delete'), id: idSchema }),
    ]);
  }) as unknown as [z.ZodDiscriminatedUnion<z.ZodObject[]>, ...z.ZodDiscriminatedUnion<z.ZodObject[]>[]],
);
export type Edit = {
  [K in CollectionKind]:
    | { kind: K; op: 'create'; value: EntityOf<K>; index?: number }
    | { kind: K; op: 'update'; id: string; value: EntityOf<K> }
    | { kind: K; op: 'delete'; id: string };
}[CollectionKind];

export const contract = {
  'app.info': method(none, returns<{ version: string; formatVersion: number; schemaVersion: number }>()),

  // The open plan file.
  'file.current': method(none, returns<FileInfo | null>()),
  /** Create a plan file at `path` (browser host: omitted → a new file in the plans folder). */
  'file.new': method(
    z.strictObject({
      path: pathArg.optional(),
      demo: z.boolean().optional(),
      lang: z.enum(['en', 'zh-CN']).optional(),
      name: z.string().min(1).max(200).optional(),
    }),
    returns<FileInfo>(),
  ),
  'file.open': method(z.strictObject({ path: pathArg }), returns<FileInfo>()),
  /** Write a consistent copy of the open plan to `path` and keep working on the original. */
  'file.saveCopy': method(z.strictObject({ path: pathArg }), returns<FileInfo>()),
  'file.recent': method(none, returns<RecentFile[]>()),
  /** Import plan-format JSON into a new plan file (all or nothing) and open it. */
  'file.importJson': method(
    z.strictObject({ json: z.string().max(60 * 1024 * 1024), path: pathArg.optional() }),
    returns<FileInfo>(),
  ),
  'file.exportJson': method(none, returns<{ fileName: string; json: string }>()),

  // The plan itself.
  'plan.get': method(none, returns<PlanSnapshot>()),
  'plan.updateSettings': method(
    z.strictObject({ patch: planSettingsSchema.partial() }),
    returns<EditResult<PlanSettings>>(),
  ),
  /** Apply many edits in one transaction: all of them, or none (paste, bulk edit, import rows). */
  'plan.batch': method(
    z.strictObject({ edits: z.array(editSchema).min(1).max(200_000), label: z.string().max(200).optional() }),
    returns<EditResult<null>>(),
  ),
  ...crudFor('phases'),
  ...crudFor('funnels'),
  ...crudFor('segments'),
  ...crudFor('people'),
  ...crudFor('customers'),
  ...crudFor('goals'),
  ...crudFor('targets'),
  ...crudFor('scenarios'),
  ...crudFor('decisions'),

  // Areas that grow with their screens keep their methods in methods/*.ts.
  ...planLoadMethods,
  ...importMethods,
  ...backupMethods,
  ...historyMethods,
  ...simulationMethods,
  ...teamMethods,
  ...trackingMethods,
  ...exportMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ArgOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedArgOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type ResultOf<M extends MethodName> = Contract[M]['result'];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events pushed from the host to the renderer (IPC `on`, HTTP server-sent events). */
export type ApiEvent =
  | { type: 'plan-changed'; revision: number; path: string }
  | { type: 'file-opened'; path: string }
  // Simulation runs (methods/simulation.ts): progress in trials, then one end event.
  | { type: 'simulation-progress'; runId: string; done: number; total: number }
  | { type: 'simulation-finished'; runId: string; outcome: RunOutcome; path: string; message?: string }
  // Exports (methods/export.ts): progress in steps, then one end event.
  | { type: 'export-progress'; exportId: string; done: number; total: number }
  | { type: 'export-finished'; exportId: string; outcome: ExportOutcome; message?: string };
