#!/usr/bin/env bash
# Runs every test: unit, component (bUnit) and end-to-end (Playwright on Debian's Chromium).
# The build restores the chart library with npm, so node and npm must be installed too.
set -euo pipefail

cd "$(dirname "$0")/.."

# Chromium for the browser tests and the report's PDF; poppler-utils (pdftotext, pdftoppm) to read the PDF back;
# nginx, openssl and systemd-analyze for the deployment test (the app published behind nginx configured from deploy/);
# PostgreSQL's server programs (initdb, pg_ctl) for the tests that run on PostgreSQL: they start a throwaway cluster of
# their own in a temporary folder, and remove it at the end (the package's own cluster is not used).
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || missing+=(poppler-utils)
[[ -x /usr/sbin/nginx ]] || missing+=(nginx)
command -v openssl >/dev/null || missing+=(openssl)
[[ -x /usr/bin/systemd-analyze ]] || missing+=(systemd)
command -v pg_ctl >/dev/null || compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || missing+=(postgresql)
if (( ${#missing[@]} > 0 )); then
    if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null; then
        echo "Installing ${missing[*]} with apt-get (the end-to-end, deployment and PostgreSQL tests need them)."
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
    else
        echo "The end-to-end, deployment and PostgreSQL tests need: ${missing[*]}." >&2
        echo "Install them as root with: apt-get update && apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi

if ! command -v npm >/dev/null; then
    echo "npm is missing: the build restores the dashboard's chart library with it." >&2
    echo "Install Node.js 20 or later with npm (Debian: apt-get install -y nodejs npm)." >&2
    exit 1
fi

dotnet test CommunitySafety.sln "$@"
