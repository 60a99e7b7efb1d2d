// Messages of the funnels screens (English). Keys start with 'funnels.'.
export const funnelsEn = {
} as const;
