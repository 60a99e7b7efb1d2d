// The codec of every collection, keyed by its plan-format name, in the order
// collections appear in a plan (and are written on import: referenced first).
import type { CollectionKind, EntityOf } from '../../../shared/api/contract';
import type { EntityCodec } from './codec';
import { customerCodec } from './customers';
import { decisionCodec } from './decisions';
import { funnelCodec } from './funnels';
import { goalCodec } from './goals';
import { personCodec } from './people';
import { phaseCodec } from './phases';
import { scenarioCodec } from './scenarios';
import { segmentCodec } from './segments';
import { targetCodec } from './targets';

export type { EntityCodec, ChildTable } from './codec';
export const CODECS: { readonly [K in CollectionKind]: EntityCodec<EntityOf<K>> } = {
  phases: phaseCodec,
  funnels: funnelCodec,
  segments: segmentCodec,
  people: personCodec,
  customers: customerCodec,
  goals: goalCodec,
  targets: targetCodec,
  scenarios: scenarioCodec,
  decisions: decisionCodec,
};
