#!/usr/bin/env bash
# Debian's Chromium for the browser tests, installed with apt-get when it is missing (CI starts on
# a fresh machine). playwright-core drives it; it never downloads a browser of its own.
# Exit code 4: the package could not be installed.
set -euo pipefail
exec "$(dirname "$0")/apt-install.sh" /usr/bin/chromium chromium fonts-dejavu-core
