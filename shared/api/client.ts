// The renderer's (and tests') typed client over any transport that carries
// `(method, arg) → ApiResult`. Unwraps `ok: false` into a thrown ApiError.
import type { ArgOf, MethodName, ResultOf } from './contract';
import { ApiError, type ApiResult } from './result';

export type Transport = (method: string, arg: unknown) => Promise<ApiResult<unknown>>;

export interface ApiClient {
  invoke<M extends MethodName>(method: M, arg: ArgOf<M>): Promise<ResultOf<M>>;
}

export function createClient(transport: Transport): ApiClient {
  return {
    async invoke(method, arg) {
      const res = await transport(method, arg);
      if (res.ok) return res.value as never;
      throw new ApiError(res.error.code, res.error.message, res.error.details);
    },
  };
}
