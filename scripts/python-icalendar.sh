#!/usr/bin/env bash
# The independent iCalendar parser the calendar-feed tests check the feed with: Debian's python3-icalendar.
exec "$(dirname "$0")/debian-python-module.sh" icalendar
