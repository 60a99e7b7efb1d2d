import { simulationCases } from './cases/simulation';
for (const c of simulationCases) {
  const v = await c.run();
  console.log(`| ${c.name} | ${v.toFixed(v < 10 ? 2 : 0)} ${c.unit} | ${c.budget ?? '—'} |`);
}
