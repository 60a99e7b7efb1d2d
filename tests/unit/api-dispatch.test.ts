import { describe, expect, it } from 'vitest';
import { ApiError, contract, createClient, createDispatcher, type Handlers } from '../../shared/api';

// A handler map where every method records that it ran; the dispatcher must
// refuse bad arguments before any of them is reached.
function recordingHandlers(calls: string[]): Handlers<null> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(contract)) {
    out[name] = (arg: unknown) => {
      calls.push(name);
      if (name === 'people.delete') throw new ApiError('in_use', 'Wang Li owns 3 customers');
      if (name === 'app.info') throw new Error('disk on fire');
      return { echoed: arg };
    };
  }
  return out as Handlers<null>;
}

describe('API dispatcher', () => {
  it('validates the argument against the schema before any handler runs', async () => {
    const calls: string[] = [];
    const dispatch = createDispatcher(recordingHandlers(calls));
    const res = await dispatch('customers.update', { id: 'c1', value: { id: 'c1', tier: 'X' } }, null);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('invalid_argument');
    expect(res.error.message).toContain('value.tier');
    expect(calls).toEqual([]);
  });

  it('rejects unknown keys in arguments', async () => {
    const calls: string[] = [];
    const res = await createDispatcher(recordingHandlers(calls))('phases.delete', { id: 'p1', force: true }, null);
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(calls).toEqual([]);
  });

  it('refuses unknown methods, including inherited object keys', async () => {
    const dispatch = createDispatcher(recordingHandlers([]));
    for (const name of ['nope', 'toString', '__proto__', 'constructor']) {
      const res = await dispatch(name, {}, null);
      expect(res).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('passes valid arguments through and wraps the value', async () => {
    const calls: string[] = [];
    const res = await createDispatcher(recordingHandlers(calls))('phases.delete', { id: 'p1' }, null);
    expect(res).toEqual({ ok: true, value: { echoed: { id: 'p1' } } });
    expect(calls).toEqual(['phases.delete']);
  });

  it('turns ApiError into its code and other errors into internal', async () => {
    const dispatch = createDispatcher(recordingHandlers([]));
    expect(await dispatch('people.delete', { id: 'wang' }, null)).toEqual({
      ok: false,
      error: { code: 'in_use', message: 'Wang Li owns 3 customers' },
    });
    expect(await dispatch('app.info', {}, null)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('the client throws ApiError with the code on ok:false', async () => {
    const dispatch = createDispatcher(recordingHandlers([]));
    const client = createClient((m, a) => dispatch(m, a, null));
    await expect(client.invoke('people.delete', { id: 'wang' })).rejects.toMatchObject({ code: 'in_use' });
  });
});
