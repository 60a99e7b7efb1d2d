// The host in front of the real PlannerApp (SQLite file, handlers): an edit
// made through the API reaches event listeners, and bad arguments are refused
// by the contract before any handler touches the file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerApp, type PlannerApp } from '../../electron/services/app';
import { startHost, type Host } from '../../electron/host/server';
import { api, raw, readEvents } from './host-helpers';

let dir: string;
let app: PlannerApp;
let host: Host;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'host-app-test-'));
  app = createPlannerApp({ dataDir: join(dir, 'data'), actor: 'test' });
  // The renderer is not needed for the API; any folder will do.
  host = await startHost({ app, rendererDir: resolve(dir) });
});
afterAll(async () => {
  await host.close();
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('host with the real app', () => {
  it('serves plan.get for the first-launch demo copy', async () => {
    const { result } = await api(host.port, host.token, 'plan.get');
    expect(result.ok).toBe(true);
    expect(result.value.plan.customers.length).toBeGreaterThan(0);
  });

  it('delivers plan-changed over SSE after an edit', async () => {
    const before = (await api(host.port, host.token, 'plan.get')).result.value;
    const stream = readEvents(host.port, host.token, (e) => e.type === 'plan-changed');
    await stream.ready;
    const edit = await api(host.port, host.token, 'plan.updateSettings', { patch: { name: 'Renamed over HTTP' } });
    expect(edit.result.ok).toBe(true);
    const events = await stream.done;
    expect(events.at(-1)).toEqual({ type: 'plan-changed', revision: edit.result.value.revision, path: before.file.path });
    expect(edit.result.value.revision).toBeGreaterThan(before.revision);
    const after = (await api(host.port, host.token, 'plan.get')).result.value;
    expect(after.plan.plan.name).toBe('Renamed over HTTP');
  });

  it('refuses a wrongly shaped argument with invalid_argument and changes nothing', async () => {
    const before = (await api(host.port, host.token, 'plan.get')).result.value;
    const bad = await api(host.port, host.token, 'customers.update', { id: 'x', value: { tier: 'Z' } });
    expect(bad.result.ok).toBe(false);
    expect(bad.result.error.code).toBe('invalid_argument');
    expect(bad.result.error.details.issues.length).toBeGreaterThan(0);
    const after = (await api(host.port, host.token, 'plan.get')).result.value;
    expect(after.revision).toBe(before.revision);
  });

  it('refuses the same edit without the token and the plan stays as it was', async () => {
    const before = (await api(host.port, host.token, 'plan.get')).result.value;
    const res = await raw(host.port, '/api/plan.updateSettings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ patch: { name: 'Hijacked' } }),
    });
    expect(res.status).toBe(403);
    const after = (await api(host.port, host.token, 'plan.get')).result.value;
    expect(after.plan.plan.name).toBe(before.plan.plan.name);
  });
});
