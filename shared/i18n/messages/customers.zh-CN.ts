import type { customersEn } from './customers.en';

export const customersZhCN: { readonly [K in keyof typeof customersEn]: string } = {
};
