// Number formats of the workbook, in the plan's currency: "¥#,##0" for a
// CNY plan, "US$#,##0" for USD in English, and so on.
import type { Locale } from '../../../shared/i18n/translate';
import type { ColumnType } from '../../../shared/report/tables';

export function currencySymbol(currency: string, locale: Locale): string {
  if (!/^[A-Z]{3}$/.test(currency)) return currency;
  const part = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency');
  return part?.value ?? currency;
}

export function moneyFormat(currency: string, locale: Locale): string {
  const symbol = currencySymbol(currency, locale).replace(/"/g, '');
  return `"${symbol}"#,##0;-"${symbol}"#,##0`;
}

export function numberFormatOf(type: ColumnType, currency: string, locale: Locale): string | undefined {
  switch (type) {
    case 'money':
      return moneyFormat(currency, locale);
    case 'int':
      return '0';
    case 'number':
      return '#,##0.##';
    case 'percent':
      return '0.0%';
    case 'text':
    case 'month':
      return undefined;
  }
}
