/*
 * Borgerflow: Cockpit configuration. Replaces the webjar's app/cockpit/scripts/config.js (the
 * application's resources take precedence over the webjar's). The page title and header read
 * "Borgerflow Cockpit" (vendor, then name). See docs/tasklist.md.
 */
export default {
  app: {
    name: 'Cockpit',
    vendor: 'Borgerflow'
  }
};
