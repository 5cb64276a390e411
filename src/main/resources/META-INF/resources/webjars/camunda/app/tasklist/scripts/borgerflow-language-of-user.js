/*
 * Borgerflow: the language of the worker logged in to the webapps, asked of GET /webapps/language
 * (next to the webapps' root: /camunda -> /webapps/language). "sv", "da", or null (not logged in, or
 * a user of no single language). Never fails: a failed request is null (the browser's language).
 */
export function languageUrl() {
  const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
  return appRoot.substring(0, appRoot.lastIndexOf('/')) + '/webapps/language';
}

export async function userLanguage() {
  try {
    const response = await fetch(languageUrl(), { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) {
      return null;
    }
    const body = await response.json();
    return ['da', 'sv'].includes(body.language) ? body.language : null;
  } catch (e) {
    return null;
  }
}

/** The languages Tasklist has: Danish, Swedish, English. */
export const LANGUAGES = ['da', 'sv', 'en'];

/**
 * The browser's own first preferred language if Tasklist has it, else Danish; read once, before
 * config.js makes Tasklist see the worker's language as the browser's.
 */
export const browserLanguage = (() => {
  const preferred = (((navigator.languages && navigator.languages[0]) || navigator.language || '').split('-')[0])
    .toLowerCase();
  return LANGUAGES.includes(preferred) ? preferred : 'da';
})();

/**
 * Tasklist takes the browser's first preferred language (navigator.languages[0]) when it boots, and
 * only languages of availableLocales may be switched to later; so every language stays available,
 * and the worker's is made the browser's first.
 */
export function preferLanguage(language) {
  Object.defineProperty(window.navigator, 'languages', { value: [language], configurable: true });
  Object.defineProperty(window.navigator, 'language', { value: language, configurable: true });
}
