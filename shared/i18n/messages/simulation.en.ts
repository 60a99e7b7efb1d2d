// Messages of the simulation screens (English). Keys start with 'simulation.'.
export const simulationEn = {
} as const;
