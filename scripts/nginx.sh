#!/usr/bin/env bash
# Debian's nginx for the test of the static export's configuration, installed with apt-get when it
# is missing (CI starts on a fresh machine). The test runs its own instance on loopback.
# Exit code 4: the package could not be installed.
set -euo pipefail
command -v nginx >/dev/null && exit 0
export DEBIAN_FRONTEND=noninteractive
{ apt-get update -q && apt-get install -y -q --no-install-recommends nginx-light; } >&2 || exit 4
# The package's own server is not wanted (the container's policy usually keeps it from starting).
if command -v service >/dev/null; then service nginx stop >/dev/null 2>&1 || true; fi
