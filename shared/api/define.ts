// Building blocks for declaring API methods (contract.ts and methods/*.ts).
import { z } from 'zod';

/** A phantom marker carrying a result type through `as const` objects. */
export function returns<T>(): T {
  return undefined as T;
}
export const method = <S extends z.ZodType, R>(input: S, result: R) => ({ input, result });
/** The argument of a method that takes none. */
export const none = z.strictObject({});
