/*
 * Borgerflow: Tasklist switches to the worker's language when someone logs in, without a reload:
 * Tasklist is one page, and config.js chose the language when the page loaded, before the login.
 * Logging out keeps the language (the goodbye is in the worker's language); the next login decides.
 * (A few labels Tasklist draws once, the list's sorting and the search field's placeholder, keep the
 * language of the page load until the next reload; config.js starts every later page in the worker's.)
 * Loaded by config.js (customScripts: an ES module imported by Tasklist's nonce-carrying bootstrap
 * script, so the webapps' CSP allows it) and registered as the AngularJS module
 * 'borgerflow.language' (requireJsConfig.ngDeps). See docs/tasklist.md.
 */
import { browserLanguage, userLanguage } from './borgerflow-language-of-user.js';

window.angular.module('borgerflow.language', []).run(['$rootScope', '$translate', function ($rootScope, $translate) {
  $rootScope.$on('authentication.changed', function (event, authentication) {
    if (!authentication) {
      return;
    }
    userLanguage().then(function (language) {
      // a user of no single language (admin, process owners) gets the browser's
      const wanted = language || browserLanguage;
      if ($translate.use() !== wanted) {
        $translate.use(wanted);
      }
    });
  });
}]);

export default [];
