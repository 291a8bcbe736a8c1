#!/usr/bin/env bash
# Make sure poppler-utils (pdftotext, pdftoppm) is there: the report tests read and render PDFs.
set -euo pipefail
if command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "poppler-utils is missing and installing it needs root: apt-get install poppler-utils" >&2
  exit 1
fi
echo "installing poppler-utils from Debian's packages..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq poppler-utils >&2
