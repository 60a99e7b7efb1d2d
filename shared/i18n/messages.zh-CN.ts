// Simplified Chinese catalog. Typed as exactly the English keys: a missing
// key or a stray extra key fails the type check (and tests/unit/i18n.test.ts).
// Terms follow shared/docs/methodology.md exactly; users think in them.
import type { MessageKey } from './messages.en';
import { coreZhCN } from './messages/core.zh-CN';
import { customersZhCN } from './messages/customers.zh-CN';
import { planningZhCN } from './messages/planning.zh-CN';
import { funnelsZhCN } from './messages/funnels.zh-CN';
import { scenariosZhCN } from './messages/scenarios.zh-CN';
import { historyZhCN } from './messages/history.zh-CN';
import { simulationZhCN } from './messages/simulation.zh-CN';
import { reportZhCN } from './messages/report.zh-CN';
import { importZhCN } from './messages/import.zh-CN';
import { importCrmZhCN } from './messages/import-crm.zh-CN';
import { calibrationZhCN } from './messages/calibration.zh-CN';
import { accountZhCN } from './messages/account.zh-CN';
import { gateZhCN } from './messages/gate.zh-CN';
import { compareZhCN } from './messages/compare.zh-CN';
import { workshopZhCN } from './messages/workshop.zh-CN';
import { decisionsZhCN } from './messages/decisions.zh-CN';
import { trackingZhCN } from './messages/tracking.zh-CN';

export const zhCN: { readonly [K in MessageKey]: string } = {
  ...coreZhCN,
  ...customersZhCN,
  ...planningZhCN,
  ...funnelsZhCN,
  ...scenariosZhCN,
  ...historyZhCN,
  ...simulationZhCN,
  ...importZhCN,
  ...importCrmZhCN,
  ...calibrationZhCN,
  ...reportZhCN,
  ...accountZhCN,
  ...gateZhCN,
  ...compareZhCN,
  ...workshopZhCN,
  ...decisionsZhCN,
  ...trackingZhCN,
};
