// Messages of the spreadsheet/paste import (English). Keys start with 'import.'.
export const importEn = {
} as const;
