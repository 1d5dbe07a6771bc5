/**
 * The four languages of the platform, bundled with the app and served by its own server.
 * English is in the main bundle; each other language is a chunk of its own, loaded when chosen.
 * The language is the user's (remembered by the server); before sign-in, the browser's.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json' with { type: 'json' };

export const LANGUAGES = ['en', 'fi', 'et', 'lv'] as const;
export type Language = (typeof LANGUAGES)[number];

/** BCP 47 tags for Intl: dates, numbers and currency as written in each country. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', fi: 'fi-FI', et: 'et-EE', lv: 'lv-LV' };

/** Each language's name in itself, for the language menu. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fi: 'Suomi', et: 'Eesti', lv: 'Latviešu' };

export const isLanguage = (s: string | null | undefined): s is Language =>
  !!s && (LANGUAGES as readonly string[]).includes(s);

const STORAGE_KEY = 'elect.language';

function initialLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const browser = navigator.language.slice(0, 2).toLowerCase();
  return isLanguage(browser) ? browser : 'en';
}

const chunks: Record<Exclude<Language, 'en'>, () => Promise<{ default: object }>> = {
  fi: () => import('./fi.json', { with: { type: 'json' } }),
  et: () => import('./et.json', { with: { type: 'json' } }),
  lv: () => import('./lv.json', { with: { type: 'json' } }),
};

async function load(lng: Language): Promise<void> {
  if (lng === 'en' || i18next.hasResourceBundle(lng, 'translation')) return;
  i18next.addResourceBundle(lng, 'translation', (await chunks[lng]()).default);
}

export async function setLanguage(lng: Language): Promise<void> {
  await load(lng);
  window.localStorage.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
  await i18next.changeLanguage(lng);
}

/** Resolves once the first language is ready, so the first render is already translated. */
export const i18nReady: Promise<void> = i18next
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en } },
    lng: 'en',
    fallbackLng: 'en',
    // React escapes what it renders; i18next must not escape it twice.
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  .then(() => setLanguage(initialLanguage()));

export const currentLanguage = (): Language => (isLanguage(i18next.language) ? i18next.language : 'en');

export { i18next };
