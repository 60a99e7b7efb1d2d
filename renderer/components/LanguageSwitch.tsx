import { observer } from 'mobx-react-lite';
import { LOCALES } from '../../shared/i18n';
import { useStores, useT } from '../stores/context';

/** Two toggle buttons, each labelled in its own language so anyone can find theirs. */
export const LanguageSwitch = observer(function LanguageSwitch() {
  const { ui } = useStores();
  const tr = useT();
  return (
    <div className="lang-switch" role="group" aria-label={tr.t('lang.label')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="lang-option"
          aria-pressed={ui.lang === locale}
          onClick={() => ui.setLang(locale)}
        >
          {tr.t(`lang.${locale}`)}
        </button>
      ))}
    </div>
  );
});
