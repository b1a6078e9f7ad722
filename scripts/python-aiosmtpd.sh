#!/usr/bin/env bash
# The local SMTP server the notification mail tests send to: Debian's python3-aiosmtpd, run by Debian's /usr/bin/python3
# (not a pyenv or venv python, which would not see Debian's package). Installed when missing.
set -euo pipefail

if /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then exit 0; fi
echo "python3-aiosmtpd is not installed: installing it from Debian's packages..." >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "need root or sudo to install python3-aiosmtpd" >&2; exit 1; }
  sudo="sudo"
fi
$sudo apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3-aiosmtpd >&2
/usr/bin/python3 -c 'import aiosmtpd'
