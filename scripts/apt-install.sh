#!/usr/bin/env bash
# Installs Debian packages for the tests, one apt-get at a time: test files run in parallel and
# several need a package on a fresh machine, and two apt-gets at once fail on dpkg's lock.
#   scripts/apt-install.sh COMMAND PACKAGE...   # nothing to do when COMMAND is already on PATH
# Exit code 4: the packages could not be installed.
set -euo pipefail
command=$1
shift
exec 9>/tmp/iscm-apt-install.lock
flock 9
command -v "$command" >/dev/null && exit 0
export DEBIAN_FRONTEND=noninteractive
{ apt-get update -q && apt-get install -y -q -o DPkg::Lock::Timeout=300 --no-install-recommends "$@"; } >&2 || exit 4
