// The map: the bundled country shapes (or a tile server, if one is set), and the selected
// events binned into a grid of screen cells on every move, so 100,000 events cost one pass
// over their projected positions and a few hundred drawn markers.

import { TYPE_COLOURS, EVENT_TYPES } from "./data.js";
import { word } from "./i18n.js";
import { el } from "./dom.js";

const CELL_PX = 56; // events closer than this on screen are drawn as one cluster
const ANTARCTICA = "010";

export class EventMap {
  constructor(element, { tiles, attribution, onEvent }) {
    this.onEvent = onEvent;
    this.map = L.map(element, { worldCopyJump: true, minZoom: 2, maxZoom: 16 });
    this.map.setView([20, 20], 2);
    this.map.attributionControl.setPrefix(false);
    this.ready = addBasemap(this.map); // resolves once the countries are drawn
    if (tiles) L.tileLayer(tiles, { attribution, maxZoom: 19 }).addTo(this.map);
    this.markers = L.layerGroup().addTo(this.map);
    this.points = null;
    this.chosen = new Uint32Array(0);
    this.selected = null;
    this.map.on("moveend", () => this.draw());
  }

  show(points, chosen) {
    this.points = points;
    this.chosen = chosen;
    this.draw();
  }

  select(id) {
    this.selected = id;
    this.draw();
  }

  draw() {
    this.markers.clearLayers();
    if (!this.points) return;
    for (const cell of this.cells()) {
      if (cell.n === 1) this.markers.addLayer(this.eventMarker(cell.first, cell.latlng));
      else this.markers.addLayer(this.clusterMarker(cell));
    }
    const at = this.points.ids.indexOf(this.selected);
    if (at >= 0 && !Number.isNaN(this.points.latitude[at])) {
      const lon = this.points.longitude[at];
      const copy = lon + 360 * Math.round((this.map.getCenter().lng - lon) / 360); // in view
      const ring = L.circleMarker([this.points.latitude[at], copy], {
        radius: 14, color: "#111", weight: 3, fill: false, interactive: false,
        className: "lb-selected",
      });
      this.markers.addLayer(ring);
    }
  }

  // The selected events in view, binned by screen cell: count, mean position, fatalities,
  // the most frequent type and the first event of each cell.
  cells() {
    const { points, map } = this;
    const zoom = map.getZoom();
    const size = 256 * 2 ** zoom;
    const view = map.getPixelBounds().pad(0.1);
    const cells = new Map();
    for (const i of this.chosen) {
      if (Number.isNaN(points.x[i])) continue;
      let px = points.x[i] * size;
      const py = points.y[i] * size;
      if (px < view.min.x) px += size; // the world copy in view
      else if (px > view.max.x) px -= size;
      if (px < view.min.x || px > view.max.x || py < view.min.y || py > view.max.y) continue;
      const key = Math.floor(px / CELL_PX) * 1e7 + Math.floor(py / CELL_PX);
      let cell = cells.get(key);
      if (!cell) {
        cell = { n: 0, x: 0, y: 0, fatalities: 0, types: new Int32Array(EVENT_TYPES.length), first: i };
        cells.set(key, cell);
      }
      cell.n += 1;
      cell.x += px;
      cell.y += py;
      cell.fatalities += points.fatalities[i];
      cell.types[points.type[i]] += 1;
    }
    for (const cell of cells.values()) {
      cell.latlng = map.unproject([cell.x / cell.n, cell.y / cell.n], zoom);
    }
    return cells.values();
  }

  // One event's marker, at its place on the world copy in view.
  eventMarker(i, latlng) {
    const { points } = this;
    const colour = TYPE_COLOURS[EVENT_TYPES[points.type[i]]] ?? "#555";
    const marker = L.circleMarker(latlng, {
      radius: 5 + Math.min(15, 2 * Math.sqrt(points.fatalities[i])),
      color: "#fff", weight: 1, fillColor: colour, fillOpacity: 0.85,
      className: "lb-event",
    });
    marker.on("click", () => this.onEvent(points.ids[i]));
    return marker;
  }

  clusterMarker(cell) {
    const dominant = cell.types.indexOf(Math.max(...cell.types));
    const size = Math.round(22 + 7 * Math.log10(cell.n) + Math.min(14, Math.sqrt(cell.fatalities)));
    const badge = el("span", { text: compact(cell.n) });
    badge.style.backgroundColor = TYPE_COLOURS[EVENT_TYPES[dominant]];
    badge.style.width = badge.style.height = badge.style.lineHeight = `${size}px`;
    const icon = L.divIcon({ html: badge, className: "lb-cluster", iconSize: [size, size] });
    const marker = L.marker(cell.latlng, { icon, title: word("cluster", cell.n), keyboard: false });
    marker.on("click", () => this.map.setView(cell.latlng, this.map.getZoom() + 2));
    return marker;
  }

  invalidate() {
    this.map.invalidateSize();
  }
}

function compact(n) {
  return n < 1000 ? String(n) : n < 100000 ? `${(n / 1000).toFixed(1)}k` : `${Math.round(n / 1000)}k`;
}

// Natural Earth's countries from the package; rings that cross the antimeridian are
// unwrapped so that Russia and Fiji draw without streaks, and Antarctica is left out.
function addBasemap(map) {
  const layer = L.geoJSON(null, {
    renderer: L.canvas({ padding: 0.5 }),
    interactive: false,
    style: { color: "#8a96a3", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
  }).addTo(map);
  return fetch("/static/vendor/world-atlas/countries-50m.json")
    .then((response) => response.json())
    .then((world) => {
      const countries = topojson.feature(world, world.objects.countries).features;
      for (const country of countries) {
        if (country.id === ANTARCTICA || !country.geometry) continue;
        layer.addData(unwrapped(country));
      }
    });
}

function unwrapped(feature) {
  const { type, coordinates } = feature.geometry;
  const polygons = type === "Polygon" ? [coordinates] : coordinates;
  const rings = polygons.map((polygon) => polygon.map(unwrapRing));
  return { ...feature, geometry: { type: "MultiPolygon", coordinates: rings } };
}

function unwrapRing(ring) {
  let shift = 0;
  let previous = ring[0][0];
  return ring.map(([lon, lat]) => {
    let x = lon + shift;
    if (x - previous > 180) { shift -= 360; x -= 360; }
    else if (x - previous < -180) { shift += 360; x += 360; }
    previous = x;
    return [x, lat];
  });
}
