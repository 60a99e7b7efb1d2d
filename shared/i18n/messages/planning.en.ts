// Messages of the planning screens (English). Keys start with 'planning.'.
export const planningEn = {
} as const;
