#!/usr/bin/env bash
# The browser the page tests drive: Debian's Chromium at /usr/bin/chromium (Playwright downloads nothing here).
# Installs it from Debian's packages when missing, with a font that has the Vietnamese letters for the screenshots.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Chromium is not installed: installing it from Debian's packages..." >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "need root or sudo to install Chromium" >&2; exit 1; }
  sudo="sudo"
fi
$sudo apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
test -x /usr/bin/chromium
