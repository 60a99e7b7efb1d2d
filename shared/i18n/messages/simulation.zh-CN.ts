import type { simulationEn } from './simulation.en';

export const simulationZhCN: { readonly [K in keyof typeof simulationEn]: string } = {
};
