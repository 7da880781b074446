#!/usr/bin/env bash
# The browser tests need Debian's Chromium and a Chinese font; the catalog test needs gettext;
# the year-end workbook tests convert with LibreOffice Calc; backups need pg_dump.
# As root we install what is missing; otherwise we say what to install and stop.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing+=(fonts-noto-cjk)
command -v msgfmt >/dev/null || missing+=(gettext)
command -v libreoffice >/dev/null || missing+=(libreoffice-calc)
# The backup test runs pg_dump and pg_restore against PostgreSQL.
if [[ "${DATABASE_URL:-}" == postgres* ]]; then
  command -v pg_dump >/dev/null || missing+=(postgresql-client)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "The tests need these Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing ${missing[*]} from Debian's packages…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig >/dev/null
fc-cache -f >/dev/null 2>&1 || true
