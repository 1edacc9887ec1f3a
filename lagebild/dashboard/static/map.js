// The map: the bundled country shapes (or a tile server, if one is set), and the selected
// events binned into a grid of screen cells on every move, so 100,000 events cost one pass
// over their projected positions and a few hundred drawn markers.

import { TYPE_COLOURS, EVENT_TYPES } from "./data.js";
import { word } from "./i18n.js";
import { el, getJson } from "./dom.js";

const CELL_PX = 56; // events closer than this on screen are drawn as one cluster
const ANTARCTICA = "010";
const DETAIL_ZOOM = 5; // from here in, first-level regions and town names are drawn
const ADMIN1 = "/static/vendor/admin1";
// the smallest town labelled at a zoom: the map names more, smaller places as you zoom in
const LABEL_POPULATION = { 5: 500000, 6: 200000, 7: 80000, 8: 30000 };

export class EventMap {
  constructor(element, { tiles, attribution, onEvent }) {
    this.onEvent = onEvent;
    this.map = L.map(element, { worldCopyJump: true, minZoom: 2, maxZoom: 16 });
    this.map.setView([20, 20], 2);
    this.map.attributionControl.setPrefix(false);
    this.ready = addBasemap(this.map); // resolves once the countries are drawn
    if (tiles) L.tileLayer(tiles, { attribution, maxZoom: 19 }).addTo(this.map);
    this.regions = L.geoJSON(null, {
      renderer: L.canvas({ padding: 0.5 }), interactive: false,
      style: { color: "#9aa5b1", weight: 0.8, dashArray: "3 3", fill: false },
    });
    this.loaded = new Set(); // countries whose regions are drawn or on their way
    this.regionIndex = null;
    this.map.createPane("labels").style.zIndex = 450; // over the events, under the clusters
    this.map.createPane("selected").style.zIndex = 650; // the chosen event's ring over all
    this.labels = L.layerGroup();
    this.labelKey = "";
    this.markers = L.layerGroup().addTo(this.map);
    this.map.on("moveend", () => this.detail());
    this.points = null;
    this.chosen = new Uint32Array(0);
    this.selected = null;
    this.map.on("moveend", () => this.draw());
  }

  // `fit`: zoom to the chosen events (a country was picked) or, with none placed, out.
  show(points, chosen, { fit = false } = {}) {
    this.points = points;
    this.chosen = chosen;
    const bounds = fit ? placedBounds(points, chosen) : null;
    if (bounds) this.map.fitBounds(bounds, { maxZoom: 8, padding: [30, 30] });
    else if (fit) this.map.setView([20, 20], 2);
    this.draw();
  }

  // Ring the event and bring it into view.
  select(id) {
    this.selected = id;
    const at = this.points ? this.points.ids.indexOf(id) : -1;
    if (at >= 0 && !Number.isNaN(this.points.latitude[at])) {
      const place = L.latLng(this.points.latitude[at], this.points.longitude[at]);
      if (!this.map.getBounds().pad(-0.1).contains(this.map.wrapLatLng(place))) {
        this.map.panTo(place);
      }
    }
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
      for (const [radius, colour, weight] of [[17, "#fff", 7], [17, "#d81b60", 3.5]]) {
        const ring = L.circleMarker([this.points.latitude[at], copy], {
          radius, color: colour, weight, fill: false, interactive: false, className: "lb-selected",
          pane: "selected",
        });
        this.markers.addLayer(ring);
      }
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
      const [column, row] = [Math.floor(px / CELL_PX), Math.floor(py / CELL_PX)];
      const key = column * 1e7 + row;
      let cell = cells.get(key);
      if (!cell) {
        cell = { n: 0, x: 0, y: 0, fatalities: 0, types: new Int32Array(EVENT_TYPES.length), first: i, column, row };
        cells.set(key, cell);
      }
      cell.n += 1;
      cell.x += px;
      cell.y += py;
      cell.fatalities += points.fatalities[i];
      cell.types[points.type[i]] += 1;
    }
    for (const cell of cells.values()) {
      const [x, y] = cell.n === 1 ? [cell.x, cell.y] : insideCell(cell);
      cell.latlng = map.unproject([x, y], zoom);
    }
    return cells.values();
  }

  // One event's marker, at its place on the world copy in view.
  eventMarker(i, latlng) {
    const { points } = this;
    const colour = TYPE_COLOURS[EVENT_TYPES[points.type[i]]] ?? "#555";
    const marker = L.circleMarker(latlng, {
      radius: eventRadius(points.fatalities[i]),
      color: "#fff", weight: 1, fillColor: colour, fillOpacity: 0.85,
      className: "lb-event",
    });
    marker.on("click", () => this.onEvent(points.ids[i]));
    return marker;
  }

  clusterMarker(cell) {
    const dominant = cell.types.indexOf(Math.max(...cell.types));
    const size = clusterSize(cell);
    const badge = el("span", { text: compact(cell.n) });
    badge.style.backgroundColor = TYPE_COLOURS[EVENT_TYPES[dominant]];
    badge.style.width = badge.style.height = badge.style.lineHeight = `${size}px`;
    const icon = L.divIcon({ html: badge, className: "lb-cluster", iconSize: [size, size] });
    const marker = L.marker(cell.latlng, { icon, title: word("cluster", cell.n), keyboard: false });
    marker.on("click", () => this.map.setView(cell.latlng, this.map.getZoom() + 2));
    return marker;
  }

  // Regions and town names once zoomed in; none at the world's scale, where they would crowd.
  async detail() {
    const zoom = this.map.getZoom();
    const shown = zoom >= DETAIL_ZOOM;
    for (const layer of [this.regions, this.labels]) {
      if (shown && !this.map.hasLayer(layer)) layer.addTo(this.map);
      if (!shown && this.map.hasLayer(layer)) layer.remove();
    }
    if (!shown) return;
    const view = this.map.getBounds();
    await Promise.all([this.loadRegions(view), this.loadLabels(view, zoom)]);
  }

  async loadRegions(view) {
    this.regionIndex ??= await getJson(`${ADMIN1}/index.json`);
    const wanted = Object.entries(this.regionIndex).filter(
      ([code, [west, south, east, north]]) =>
        !this.loaded.has(code) && view.intersects(L.latLngBounds([south, west], [north, east])),
    );
    await Promise.all(
      wanted.map(async ([code]) => {
        this.loaded.add(code);
        const topology = await getJson(`${ADMIN1}/${code}.topo.json`);
        for (const object of Object.values(topology.objects)) {
          this.regions.addData(topojson.feature(topology, object));
        }
      }),
    );
  }

  async loadLabels(view, zoom) {
    const least = LABEL_POPULATION[Math.min(8, zoom)];
    const bbox = [view.getWest(), view.getSouth(), view.getEast(), view.getNorth()]
      .map((v, i) => Math.max(i % 2 ? -90 : -180, Math.min(i % 2 ? 90 : 180, v)).toFixed(2));
    const key = `${bbox}/${least}`;
    if (key === this.labelKey) return;
    this.labelKey = key;
    const { places } = await getJson(`/places?bbox=${bbox}&limit=80`);
    if (key !== this.labelKey) return; // the map moved on meanwhile
    this.labels.clearLayers();
    const taken = []; // screen boxes of the labels placed: a label that would overlap one is left out
    for (const [name, lat, lon, population] of places) {
      if (population < least) break;
      const at = this.map.latLngToContainerPoint([lat, lon]);
      const box = [at.x - 3, at.y - 8, at.x + 8 + 6.5 * name.length, at.y + 8];
      if (taken.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
      taken.push(box);
      const label = el("span", { text: name });
      const icon = L.divIcon({ html: label, className: "lb-place", iconSize: null });
      this.labels.addLayer(L.marker([lat, lon], { icon, interactive: false, keyboard: false, pane: "labels" }));
    }
  }

  invalidate() {
    this.map.invalidateSize();
  }

  // The size legend in the interface's language.
  relabel() {
    this.legend?.remove();
    this.legend = sizeLegend().addTo(this.map);
  }
}

// A cluster's centre: its events' mean position, moved as far into its cell as keeps the
// badge inside it, so that clusters of neighbouring cells never overlap.
function insideCell(cell) {
  const margin = clusterSize(cell) / 2;
  const clamp = (value, low) => Math.min(low + CELL_PX - margin, Math.max(low + margin, value));
  return [clamp(cell.x / cell.n, cell.column * CELL_PX), clamp(cell.y / cell.n, cell.row * CELL_PX)];
}

// A cluster's badge: larger for more events and deaths, at most a cell wide less a margin.
function clusterSize(cell) {
  return Math.round(Math.min(CELL_PX - 10, 20 + 6 * Math.log10(cell.n) + Math.sqrt(cell.fatalities) / 2));
}

// The box around the chosen events that have coordinates, leaving out the farthest 2 % on
// each side (an event of the country coded far away should not zoom the map out).
function placedBounds(points, chosen) {
  const lat = [];
  const lon = [];
  for (const i of chosen) {
    if (Number.isNaN(points.latitude[i])) continue;
    lat.push(points.latitude[i]);
    lon.push(points.longitude[i]);
  }
  if (!lat.length) return null;
  const cut = (values) => {
    values.sort((a, b) => a - b);
    const k = Math.floor(values.length * 0.02);
    return [values[k], values[values.length - 1 - k]];
  };
  const [[south, north], [west, east]] = [cut(lat), cut(lon)];
  return L.latLngBounds([south - 0.5, west - 0.5], [north + 0.5, east + 0.5]);
}

// What a marker's size says: an event's circle grows with its fatalities; a cluster's number
// counts its events.
function sizeLegend() {
  const control = L.control({ position: "bottomleft" });
  control.onAdd = () => {
    const box = el("div", { className: "lb-size-legend" });
    for (const fatalities of [0, 10, 100]) {
      const circle = el("span", { className: "circle" });
      circle.style.width = circle.style.height = `${2 * eventRadius(fatalities)}px`;
      box.append(el("span", { className: "size" }, circle, el("span", { text: word("killed", fatalities) })));
    }
    const badge = el("span", { className: "badge", text: "12" });
    box.append(el("span", { className: "size" }, badge, el("span", { text: word("cluster_key") })));
    return box;
  };
  return control;
}

function eventRadius(fatalities) {
  return 5 + Math.min(15, 2 * Math.sqrt(fatalities));
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
