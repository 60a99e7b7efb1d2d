import type { planningEn } from './planning.en';

export const planningZhCN: { readonly [K in keyof typeof planningEn]: string } = {
};
