#!/usr/bin/env bash
# Debian's Chromium for the browser test, installed with apt-get when it is missing (CI starts on
# a fresh machine). playwright-core drives it; it never downloads a browser of its own.
# Exit code 4: the package could not be installed.
set -euo pipefail
command -v /usr/bin/chromium >/dev/null && exit 0
export DEBIAN_FRONTEND=noninteractive
{ apt-get update -q && apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core; } >&2 || exit 4
