// Messages of the history screens (English). Keys start with 'history.'.
export const historyEn = {
} as const;
