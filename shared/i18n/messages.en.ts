// The English catalog is the source of truth for message keys: the zh-CN
// catalog is typed against it, so a key added here must be translated there
// before the project type-checks. Placeholders are `{name}`; keys ending in
// `.one` / `.other` are plural forms chosen by `tn` (see translate.ts).
// Methodology terms follow shared/docs/methodology.md exactly.
// One file per area under messages/ (core = app frame and domain vocabulary),
// so screens can grow their messages without editing one shared file.
import { coreEn } from './messages/core.en';
import { customersEn } from './messages/customers.en';
import { planningEn } from './messages/planning.en';
import { funnelsEn } from './messages/funnels.en';
import { scenariosEn } from './messages/scenarios.en';
import { historyEn } from './messages/history.en';
import { simulationEn } from './messages/simulation.en';
import { reportEn } from './messages/report.en';
import { importEn } from './messages/import.en';
import { importCrmEn } from './messages/import-crm.en';
import { calibrationEn } from './messages/calibration.en';
import { accountEn } from './messages/account.en';
import { gateEn } from './messages/gate.en';
import { compareEn } from './messages/compare.en';
import { workshopEn } from './messages/workshop.en';
import { decisionsEn } from './messages/decisions.en';
import { trackingEn } from './messages/tracking.en';

export const en = {
  ...coreEn,
  ...customersEn,
  ...planningEn,
  ...funnelsEn,
  ...scenariosEn,
  ...historyEn,
  ...simulationEn,
  ...importEn,
  ...importCrmEn,
  ...calibrationEn,
  ...reportEn,
  ...accountEn,
  ...gateEn,
  ...compareEn,
  ...workshopEn,
  ...decisionsEn,
  ...trackingEn,
} as const;

export type MessageKey = keyof typeof en;
export type EnglishCatalog = typeof en;
