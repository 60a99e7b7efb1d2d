// export.*: reports and exports (see shared/api/methods/export.ts).
import type { Handlers } from '../../../shared/api/dispatch';
import { exportJobs } from '../export/jobs';
import type { PlannerSession } from '../session';

type ExportHandlers = Pick<Handlers<PlannerSession>, 'export.start' | 'export.cancel' | 'export.wait' | 'export.download'>;

export const exportHandlers: ExportHandlers = {
  'export.start': ({ format, lang, scenarioId, sections, paper, path }, s) =>
    exportJobs(s).start({
      format,
      lang,
      scenarioId: scenarioId ?? null,
      ...(sections ? { sections } : {}),
      ...(paper ? { paper } : {}),
      ...(path !== undefined ? { path } : {}),
    }),
  'export.cancel': ({ exportId }, s) => exportJobs(s).cancel(exportId),
  'export.wait': ({ exportId }, s) => exportJobs(s).wait(exportId),
  'export.download': ({ exportId }, s) => exportJobs(s).download(exportId),
};
