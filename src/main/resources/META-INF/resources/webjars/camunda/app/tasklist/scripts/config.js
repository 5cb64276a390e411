/*
 * Borgerflow: Tasklist configuration. Replaces the webjar's app/tasklist/scripts/config.js
 * (the application's resources take precedence over the webjar's).
 *
 * Language: the logged-in worker's, from their municipalities (GET /webapps/language: "sv" for
 * Spånga-Tensta, "da" for the Danish municipalities), whatever the browser asks for. Before login,
 * and for users of no single language (admin, process owners), Tasklist takes the browser's first
 * preferred language (navigator.languages[0], "da-DK" -> "da") if it is in availableLocales, and
 * fallbackLocale (Danish) otherwise. This module waits for the answer before Tasklist boots (top-level
 * await: Tasklist imports this file and waits for it), and makes the worker's language the browser's
 * first for Tasklist; borgerflow-language.js switches the language when someone logs in without
 * reloading the page. See docs/tasklist.md.
 */
import { LANGUAGES, preferLanguage, userLanguage } from './borgerflow-language-of-user.js';

const language = await userLanguage();
if (language) {
  preferLanguage(language);
}

export default {
  app: {
    name: 'Tasklist',
    vendor: 'Borgerflow'
  },

  // the worker's language is also the fallback: what is drawn before its labels have loaded
  locales: {
    availableLocales: LANGUAGES,
    fallbackLocale: language || 'da'
  },

  // switches to the worker's language at login (an AngularJS module, borgerflow-language.js)
  customScripts: ['scripts/borgerflow-language'],
  requireJsConfig: {
    ngDeps: ['borgerflow.language']
  },

  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },

  // no "Welcome to Camunda" pop-up for caseworkers
  disableWelcomeMessage: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'tager den valgte opgave'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'går til det første filter i listen'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'går til den første opgave i listen'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'går til det første felt i opgavens formular'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'åbner dialogen til at starte en proces'
    }
  }
};
