// Looking messages up and filling their `{placeholders}`. Parameters are
// typed from the English text itself, so `t('toast.opened')` without
// `{ name }` does not compile.
import { en, type EnglishCatalog, type MessageKey } from './messages.en';
import { zhCN } from './messages.zh-CN';
import { formatNumber } from './format';
import { LOCALES, type Locale } from './locale';

export { DEFAULT_LOCALE, LOCALES, type Locale } from './locale';

export const catalogs: { readonly [L in Locale]: { readonly [K in MessageKey]: string } } = {
  en,
  'zh-CN': zhCN,
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
export type ParamsOf<K extends MessageKey> = Record<Placeholders<EnglishCatalog[K]>, string | number>;
/** `[]` for a message without placeholders, `[params]` otherwise. */
export type ParamArgs<K extends MessageKey> = [Placeholders<EnglishCatalog[K]>] extends [never] ? [] : [ParamsOf<K>];

/** Keys of messages without placeholders (labels, headings). */
export type PlainKey = { [K in MessageKey]: ParamArgs<K> extends [] ? K : never }[MessageKey];

/** Keys `X` for which both `X.one` and `X.other` exist. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer B}.other` ? (`${B}.one` extends MessageKey ? B : never) : never;
}[MessageKey];

export interface Translator {
  readonly locale: Locale;
  t<K extends MessageKey>(key: K, ...params: ParamArgs<K>): string;
  /** Plural message: `{count}` is filled with the locale-formatted count. */
  tn(key: PluralKey, count: number): string;
}

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** Fills `{name}` placeholders; numbers are formatted for the locale. An
 * unknown placeholder is left visible rather than silently dropped. */
export function interpolate(template: string, params: Record<string, string | number> | undefined, locale: Locale): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const value = params[name];
    return typeof value === 'number' ? formatNumber(value, locale) : String(value);
  });
}

export function translate<K extends MessageKey>(locale: Locale, key: K, ...params: ParamArgs<K>): string {
  const template = catalogs[locale][key] ?? en[key] ?? key;
  return interpolate(template, params[0] as Record<string, string | number> | undefined, locale);
}

export function createTranslator(locale: Locale): Translator {
  const rules = new Intl.PluralRules(locale);
  return {
    locale,
    t: (key, ...params) => translate(locale, key, ...params),
    tn(key, count) {
      const form = rules.select(count) === 'one' ? 'one' : 'other';
      const full = `${key}.${form}` as MessageKey;
      return interpolate(catalogs[locale][full], { count }, locale);
    },
  };
}
