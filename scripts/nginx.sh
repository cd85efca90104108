#!/usr/bin/env bash
# Debian's nginx for the test of the static export's configuration, installed with apt-get when it
# is missing (CI starts on a fresh machine). The test runs its own instance on loopback.
# Exit code 4: the package could not be installed.
set -euo pipefail
command -v nginx >/dev/null && exit 0
"$(dirname "$0")/apt-install.sh" nginx nginx-light
# Where the machine lets a package start its service, that one is not wanted: the test starts its own.
if command -v service >/dev/null; then service nginx stop >/dev/null 2>&1 || true; fi
