/*
 * Borgerflow: Admin configuration. Replaces the webjar's app/admin/scripts/config.js (the
 * application's resources take precedence over the webjar's). The page title and header read
 * "Borgerflow Admin" (vendor, then name). See docs/tasklist.md.
 */
export default {
  app: {
    name: 'Admin',
    vendor: 'Borgerflow'
  }
};
