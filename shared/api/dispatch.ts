// The generic dispatcher: look the method up, validate the argument against
// its schema before any handler runs, call the handler, wrap the outcome.
import { contract, isMethodName, type MethodName, type ParsedArgOf, type ResultOf } from './contract';
import { ApiError, type ApiResult } from './result';
import { formatPath } from '../plan/rules';

export type Handler<M extends MethodName, Ctx> = (arg: ParsedArgOf<M>, ctx: Ctx) => ResultOf<M> | Promise<ResultOf<M>>;
export type Handlers<Ctx> = { [M in MethodName]: Handler<M, Ctx> };

export type Dispatch<Ctx> = (method: string, arg: unknown, ctx: Ctx) => Promise<ApiResult<unknown>>;

export function createDispatcher<Ctx>(handlers: Handlers<Ctx>, onInternalError?: (e: unknown) => void): Dispatch<Ctx> {
  return async (method, arg, ctx) => {
    if (!isMethodName(method))
      return { ok: false, error: { code: 'unknown_method', message: `Unknown API method "${method}"` } };
    const parsed = contract[method].input.safeParse(arg ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
      return {
        ok: false,
        error: {
          code: 'invalid_argument',
          message: `Invalid argument for ${method}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
          details: { issues },
        },
      };
    }
    try {
      const handler = handlers[method] as Handler<MethodName, Ctx>;
      const value = await handler(parsed.data as ParsedArgOf<MethodName>, ctx);
      return { ok: true, value };
    } catch (e) {
      if (e instanceof ApiError) return { ok: false, error: e.toBody() };
      onInternalError?.(e);
      return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
    }
  };
}
