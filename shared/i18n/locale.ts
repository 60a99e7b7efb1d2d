// The languages the app speaks. Its own file so that formatting (format.ts)
// and message lookup (translate.ts) can both name a locale without importing
// each other.
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
