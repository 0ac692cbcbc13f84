#!/usr/bin/env bash
# Install section16 with its development dependencies and run the whole test suite.
#
#   ./scripts/test.sh            # everything
#   ./scripts/test.sh -k store   # extra arguments go to pytest
#
# It makes a virtual environment in .venv (unless one is active), installs the package with the
# [dev] extra, installs the Debian packages some tests drive for real (PostgreSQL, Chromium, pandoc,
# poppler-utils, the Liberation fonts) when they are missing and we may (root with apt-get), then runs pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${VIRTUAL_ENV:-}" ]; then
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
  fi
  # shellcheck disable=SC1091
  . .venv/bin/activate
fi

python -m pip install --quiet --upgrade pip >/dev/null
python -m pip install --quiet -e '.[dev]'

need=()
command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pandoc >/dev/null 2>&1 || need+=(pandoc)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# The fixture PDFs were printed with the Liberation fonts (what Debian's chromium recommends but a
# --no-install-recommends install leaves out): a print in another font lays the text out differently.
fc-list 2>/dev/null | grep -q "Liberation Sans" || need+=(fonts-liberation)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian packages: ${need[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "warning: missing ${need[*]}; the tests that need them will say so" >&2
  fi
fi

exec python -m pytest "$@"
