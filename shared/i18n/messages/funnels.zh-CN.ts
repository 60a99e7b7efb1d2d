import type { funnelsEn } from './funnels.en';

export const funnelsZhCN: { readonly [K in keyof typeof funnelsEn]: string } = {
};
