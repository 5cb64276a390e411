/*
 * Borgerflow: Tasklist configuration. Replaces the webjar's app/tasklist/scripts/config.js
 * (the application's resources take precedence over the webjar's).
 *
 * Language: Tasklist takes the browser's first preferred language (navigator.languages[0], e.g.
 * "da-DK" -> "da") if it is listed in availableLocales, and fallbackLocale otherwise. So a Danish
 * browser gets Danish, an English browser English, and any other (Swedish, German, ...) Danish.
 * The order of availableLocales does not matter. See docs/tasklist.md.
 */
export default {
  app: {
    name: 'Tasklist',
    vendor: 'Borgerflow'
  },

  locales: {
    availableLocales: ['da', 'en'],
    fallbackLocale: 'da'
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
