#!/usr/bin/env bash
# Replaces the pdf.js build shipped with the Courses module by the given pdfjs-dist version from npm.
set -euo pipefail
version=${1:?usage: tools/update-pdfjs.sh <pdfjs-dist version>}
cd "$(dirname "$0")/.."
dest=src/Modules/Courses/wwwroot/lib/pdfjs
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "pdfjs-dist@$version" >/dev/null && tar xzf pdfjs-dist-*.tgz)
cp "$work/package/build/pdf.min.mjs" "$work/package/build/pdf.worker.min.mjs" "$work/package/LICENSE" "$dest/"
sed -i "s/pdfjs-dist[@ ][0-9][0-9.]*/pdfjs-dist@$version/g; s/^# pdf.js (pdfjs-dist@$version)/# pdf.js (pdfjs-dist $version)/" "$dest/README.md"
echo "pdf.js $version copied to $dest; update the version in js/media.js's comment if it names one."
