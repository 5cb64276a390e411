/*
 * Borgerflow: Welcome configuration. Replaces the webjar's app/welcome/scripts/config.js (the
 * application's resources take precedence over the webjar's). The page title and header read
 * "Borgerflow Welcome" (vendor, then name). See docs/tasklist.md.
 */
export default {
  app: {
    name: 'Welcome',
    vendor: 'Borgerflow'
  }
};
