#!/usr/bin/env bash
# The local SMTP server the notification mail tests send to: Debian's python3-aiosmtpd.
exec "$(dirname "$0")/debian-python-module.sh" aiosmtpd
