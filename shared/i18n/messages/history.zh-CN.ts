import type { historyEn } from './history.en';

export const historyZhCN: { readonly [K in keyof typeof historyEn]: string } = {
};
