#!/usr/bin/env bash
# debian-python-module.sh MODULE: makes Debian's python3-MODULE importable by Debian's /usr/bin/python3 (not a pyenv or
# venv python, which would not see Debian's packages), installing the package when missing.
set -euo pipefail
module=$1
package="python3-$module"

if /usr/bin/python3 -c "import $module" >/dev/null 2>&1; then exit 0; fi
echo "$package is not installed: installing it from Debian's packages..." >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "need root or sudo to install $package" >&2; exit 1; }
  sudo="sudo"
fi
$sudo apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$package" >&2
/usr/bin/python3 -c "import $module"
