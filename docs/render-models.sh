#!/usr/bin/env bash
# Regenerates docs/images/<model>.svg/.png from the models in processes/ with bpmn-js and dmn-js in
# headless Chromium (Debian's /usr/bin/chromium; CHROMIUM=... for another). Fails when a rendered label
# sits on another label or a shape. Needs node/npm (the npm registry, once) and, for the same text widths
# as Camunda Modeler (Arial), the Liberation fonts: apt-get install -y chromium fonts-liberation
set -euo pipefail
cd "$(dirname "$0")/render"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
node render.js
