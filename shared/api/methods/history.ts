// API methods: Undo, redo and the change history.
// Spread into the contract by contract.ts; declare with `method(schema, returns<T>())`.
// import { z } from 'zod';
// import { method, returns } from '../define';

export const historyMethods = {} as const;
