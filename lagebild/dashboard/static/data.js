// The events as the map and timeline need them: columns from /points, filtered in the
// browser for what the columns hold (dates, place, type, fatalities), so a filter change
// redraws at once; filters on words (actor, text) are asked of the server.

export const LOCAL_FILTERS = [
  "date_from", "date_to", "country", "event_type", "sub_event_type", "min_fatalities", "located",
];
export const SERVER_FILTERS = ["actor", "text"];
export const FILTERS = [...LOCAL_FILTERS, ...SERVER_FILTERS];

export const TYPE_COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Riots": "#27ae60",
  "Protests": "#2980b9",
  "Strategic developments": "#7f8c8d",
};
export const EVENT_TYPES = Object.keys(TYPE_COLOURS);
const DAY_MS = 86400000;

export function dayNumber(iso) {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function isoDay(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export class Points {
  constructor(json) {
    this.count = json.count;
    this.ids = json.id;
    this.eventTypes = json.event_types;
    this.subEventTypes = json.sub_event_types;
    this.countries = json.countries;
    this.countryCodes = new Map(json.countries.map((name, i) => [name, json.country_codes?.[i]]));
    this.day = Int32Array.from(json.day);
    this.fatalities = Int32Array.from(json.fatalities);
    this.country = Int16Array.from(json.country);
    this.subType = Int16Array.from(json.sub_event_type);
    // type as its place in EVENT_TYPES, which fixes colours and the timeline's stacking order
    this.type = Int8Array.from(json.event_type, (i) => EVENT_TYPES.indexOf(json.event_types[i]));
    this.latitude = Float64Array.from(json.latitude, (v) => (v === null ? NaN : v));
    this.longitude = Float64Array.from(json.longitude, (v) => (v === null ? NaN : v));
    // Web Mercator on the unit square: a pixel at zoom z is this times 256 * 2^z
    this.x = new Float64Array(this.count);
    this.y = new Float64Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const sin = Math.sin((Math.max(-85, Math.min(85, this.latitude[i])) * Math.PI) / 180);
      this.x[i] = (this.longitude[i] + 180) / 360;
      this.y[i] = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    }
  }

  // Indexes of the events the filters select.
  select(filters) {
    const from = filters.date_from ? dayNumber(filters.date_from) : -Infinity;
    const to = filters.date_to ? dayNumber(filters.date_to) : Infinity;
    const country = filters.country ? position(this.countries, filters.country) : null;
    const type = filters.event_type ? position(EVENT_TYPES, filters.event_type) : null;
    const sub = filters.sub_event_type ? position(this.subEventTypes, filters.sub_event_type) : null;
    const least = filters.min_fatalities ? Number(filters.min_fatalities) : 0;
    const located = filters.located ? filters.located === "true" : null;
    const chosen = new Uint32Array(this.count);
    let n = 0;
    for (let i = 0; i < this.count; i++) {
      const day = this.day[i];
      if (day < from || day > to || this.fatalities[i] < least) continue;
      if (country !== null && this.country[i] !== country) continue;
      if (type !== null && this.type[i] !== type) continue;
      if (sub !== null && this.subType[i] !== sub) continue;
      if (located !== null && Number.isNaN(this.latitude[i]) === located) continue;
      chosen[n++] = i;
    }
    return chosen.subarray(0, n);
  }
}

// A name's index, or one no event has when no event has the name (-1 means "none" in /points).
function position(names, name) {
  const found = names.indexOf(name);
  return found < 0 ? -2 : found;
}
