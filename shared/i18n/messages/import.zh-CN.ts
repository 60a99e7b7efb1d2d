import type { importEn } from './import.en';

export const importZhCN: { readonly [K in keyof typeof importEn]: string } = {
};
