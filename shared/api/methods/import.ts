// API methods: Spreadsheet and paste import of rows (customers screen).
// Spread into the contract by contract.ts; declare with `method(schema, returns<T>())`.
// import { z } from 'zod';
// import { method, returns } from '../define';

export const importMethods = {} as const;
