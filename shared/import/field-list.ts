// The customer fields an imported column can be mapped to, apart from their
// labels and header words (fields.ts), so the synonym tables can name them
// without importing fields.ts back.
import { FACTORS, OWNER_ROLES, RELATIONSHIP_LAYERS } from '../plan/types';

export const IMPORT_FIELDS = [
  'id',
  'name',
  'segment',
  'tier',
  'status',
  'potential',
  'region',
  'industry',
  'needs',
  'potentialBase',
  ...OWNER_ROLES.map((r) => `owners.${r}` as const),
  'breakthroughPhase',
  ...RELATIONSHIP_LAYERS.map((l) => `relationship.${l}` as const),
  ...FACTORS.map((f) => `factors.${f}` as const),
  'entryStage',
  'firstDeal',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** One entry per source column: the field it fills, or null when ignored. */
export type ColumnMapping = (ImportField | null)[];
