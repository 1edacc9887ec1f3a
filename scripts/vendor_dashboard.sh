#!/usr/bin/env bash
# Vendor the dashboard's browser libraries and offline map from the npm registry into the
# package (lagebild/dashboard/static/vendor/), with their licences: the dashboard loads
# nothing from elsewhere. Run from the repository root; needs npm.
set -euo pipefail
target=lagebild/dashboard/static/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent leaflet@1.9.4 topojson-client@3.1.0 world-atlas@2.0.2 >/dev/null)
for package in leaflet-1.9.4 topojson-client-3.1.0 world-atlas-2.0.2; do
    mkdir -p "$work/$package" && tar xzf "$work/$package.tgz" -C "$work/$package"
done
rm -rf "$target" && mkdir -p "$target"/{leaflet,topojson-client,world-atlas}
cp "$work"/leaflet-1.9.4/package/{LICENSE,dist/leaflet.js,dist/leaflet.css} "$target/leaflet/"
cp "$work"/topojson-client-3.1.0/package/{LICENSE,dist/topojson-client.min.js} "$target/topojson-client/"
cp "$work"/world-atlas-2.0.2/package/{LICENSE,countries-50m.json} "$target/world-atlas/"
echo "vendored into $target:"; du -sh "$target"/*
