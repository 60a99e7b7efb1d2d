// Workshop mode (issue #11): one live what-if update on the demo plan, as a
// slider move asks for it — `simulation.expected` for the scenario as it
// stands and with the sliders applied (per-stage conversion included),
// through the real dispatcher on a real plan file (reading the plan from
// SQLite, validating the argument, expected-value mode). Budget: one frame.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlannerApp } from '../../electron/services/app';
import type { BenchCase } from './types';
import { median } from '../median';


const whatIfUpdate: BenchCase = {
  name: 'Workshop what-if update, demo plan (base + adjusted expected values, median of 100)',
  unit: 'ms',
  budget: 16,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'bench-workshop-'));
    const app = createPlannerApp({ dataDir: dir, actor: 'bench' });
    try {
      const update = async (i: number) => {
        const adjust = { leads: 1 + (i % 10) / 20, dealSize: 0.9, stages: [{ funnelId: 'ltc', stageKey: 'bid', conversion: 1.1 }] };
        const [a, b] = await Promise.all([app.dispatch('simulation.expected', {}), app.dispatch('simulation.expected', { adjust })]);
        if (!a.ok || !b.ok) throw new Error(`simulation.expected failed: ${JSON.stringify(a.ok ? b : a)}`);
      };
      for (let i = 0; i < 20; i++) await update(i);
      const times: number[] = [];
      for (let i = 0; i < 100; i++) {
        const t = performance.now();
        await update(i);
        times.push(performance.now() - t);
      }
      return median(times);
    } finally {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export const workshopCases: BenchCase[] = [whatIfUpdate];
