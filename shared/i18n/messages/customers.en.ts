// Messages of the customers screens (English). Keys start with 'customers.'.
export const customersEn = {
} as const;
