// The dashboard: filters kept in the URL, the map, the timeline, the event list and the
// event panel, all drawn from the API of the server that serves this page.

import { EVENT_TYPES, FILTERS, Points, SERVER_FILTERS } from "./data.js";
import { el, getJson } from "./dom.js";
import { countryName, knowCountries, language, setLanguage, typeName, word } from "./i18n.js";
import { EventMap } from "./map.js";
import { eventPanel, listItem } from "./panel.js";
import { Timeline } from "./timeline.js";

const LIST_SIZE = 50;
const $ = (selector) => document.querySelector(selector);
const form = $("#filters");
const state = readUrl();
let points = null;
let serverKey = null; // the word filters the loaded points answer
let renders = 0;
let generation = 0; // a render that a newer one overtook draws nothing more
let nextPage = null;
let shownCountry = undefined; // the country the map last zoomed to

const map = new EventMap($("#map"), {
  tiles: meta("lagebild-tiles"),
  attribution: meta("lagebild-tile-attribution"),
  onEvent: (id) => openEvent(id),
});
const timeline = new Timeline(
  $("#timeline"),
  (from, to) => {
    form.date_from.value = from ?? "";
    form.date_to.value = to ?? "";
    changed();
  },
  (outside, everything) => {
    const button = $("#everything");
    button.hidden = !outside && !everything;
    button.textContent = everything ? word("fit_span") : word("outside_span", outside.toLocaleString(language()));
  },
);

function meta(name) {
  return document.querySelector(`meta[name="${name}"]`)?.content || "";
}

function readUrl() {
  const query = new URLSearchParams(window.location.search);
  const filters = {};
  for (const name of FILTERS) if (query.get(name)) filters[name] = query.get(name);
  return {
    filters,
    lang: query.get("lang") || (navigator.language?.startsWith("de") ? "de" : "en"),
    period: query.get("period") || "auto",
    measure: query.get("measure") || "events",
    event: query.get("event"),
  };
}

function writeUrl() {
  const query = filterQuery(FILTERS);
  query.set("lang", state.lang);
  if (state.period !== "auto") query.set("period", state.period);
  if (state.measure !== "events") query.set("measure", state.measure);
  if (state.event) query.set("event", state.event);
  history.replaceState(null, "", `?${query}`);
}

function filterQuery(names) {
  const query = new URLSearchParams();
  for (const name of names) if (state.filters[name]) query.set(name, state.filters[name]);
  return query;
}

async function loadPoints() {
  const key = filterQuery(SERVER_FILTERS).toString();
  if (points && key === serverKey) return;
  const loaded = new Points(await getJson(`/points?${key}`));
  if (key === filterQuery(SERVER_FILTERS).toString()) {  // not overtaken by another filter
    points = loaded;
    serverKey = key;
  }
}

function readForm() {
  const filters = {};
  for (const name of FILTERS) {
    const value = form[name] ? form[name].value.trim() : state.filters[name];
    if (value) filters[name] = value;
  }
  if (filters.date_from && filters.date_to && filters.date_from > filters.date_to) {
    [filters.date_from, filters.date_to] = [filters.date_to, filters.date_from];
  }
  state.filters = filters;
}

function fillForm() {
  for (const name of FILTERS) if (form[name]) form[name].value = state.filters[name] ?? "";
}

function fillOptions() {
  knowCountries(points.countryCodes);
  const countries = [...points.countries].sort((a, b) => countryName(a).localeCompare(countryName(b), language()));
  const types = EVENT_TYPES.filter((type) => points.eventTypes.includes(type));
  const subs = [...points.subEventTypes].sort();
  options(form.country, countries, countryName);
  options(form.event_type, types, typeName);
  options(form.sub_event_type, subs, typeName);
}

function options(select, values, label) {
  const current = state.filters[select.name] ?? "";
  const all = current && !values.includes(current) ? [current, ...values] : values;
  select.replaceChildren(
    el("option", { value: "", text: word("any") }),
    ...all.map((value) => el("option", { value, text: label(value) })),
  );
  select.value = current;
}

async function render({ list = true } = {}) {
  const mine = ++generation;
  $("#summary-text").textContent = word("loading");
  try {
    await Promise.all([loadPoints(), map.ready]);
  } catch (error) {
    if (mine === generation) $("#summary-text").textContent = `${word("failed")} ${error.message}`;
    return;
  }
  if (mine !== generation) return;
  fillOptions();
  const chosen = points.select(state.filters);
  const undated = points.select({ ...state.filters, date_from: null, date_to: null });
  const zoomed = state.filters.country !== shownCountry;
  shownCountry = state.filters.country;
  map.show(points, chosen, { fit: zoomed });
  const { date_from: from, date_to: to } = state.filters;
  timeline.draw(points, undated, { period: state.period, measure: state.measure, from, to });
  timeline.legend($("#legend"));
  summarise(chosen);
  downloads();
  writeUrl();
  if (list) await loadList(null, mine);
  if (mine !== generation) return;
  renders += 1;
  performance.mark(`lagebild-render-${renders}`);
  document.body.dataset.renders = String(renders);
}

function summarise(chosen) {
  let fatalities = 0;
  let unplaced = 0;
  for (const i of chosen) {
    fatalities += points.fatalities[i];
    if (Number.isNaN(points.latitude[i])) unplaced += 1;
  }
  const text = word("summary", chosen.length.toLocaleString(language()), fatalities.toLocaleString(language()));
  const button = $("#unplaced");
  button.hidden = !unplaced || state.filters.located === "false";
  button.textContent = word("unplaced", unplaced.toLocaleString(language()));
  $("#summary-text").textContent = text;
  $("#summary").dataset.count = String(chosen.length);
}

function downloads() {
  const query = filterQuery(FILTERS).toString();
  $("#download-csv").href = `/events.csv?${query}`;
  $("#download-geojson").href = `/events.geojson?${query}`;
}

async function loadList(url = null, mine = generation) {
  const list = $("#list");
  try {
    const page = await getJson(url ?? `/events?${filterQuery(FILTERS)}&limit=${LIST_SIZE}`);
    if (mine !== generation) return;
    const items = page.events.map((event) => listItem(event, openEvent));
    if (url) list.append(...items);
    else list.replaceChildren(...(items.length ? items : [el("li", { className: "none", text: word("none") })]));
    nextPage = page.next;
    $("#more").hidden = !nextPage;
  } catch (error) {
    if (mine !== generation) return;
    list.replaceChildren(el("li", { className: "none", text: `${word("failed")} ${error.message}` }));
  }
}

async function openEvent(id) {
  state.event = id;
  writeUrl();
  map.select(id);
  const panel = $("#event");
  try {
    const event = await getJson(`/events/${encodeURIComponent(id)}`);
    const documents = new Map();
    await Promise.all(
      event.sources.map(async (source) => {
        try {
          documents.set(source.doc_id, await getJson(`/documents/${encodeURIComponent(source.doc_id)}`));
        } catch {
          // shown as "not stored"
        }
      }),
    );
    if (state.event !== id) return; // another event was opened meanwhile
    panel.replaceChildren(eventPanel(event, documents, closeEvent));
  } catch (error) {
    panel.replaceChildren(el("p", { text: `${word("failed")} ${error.message}` }));
  }
  panel.hidden = false;
  panel.scrollIntoView({ block: "nearest" });
}

function closeEvent() {
  state.event = null;
  $("#event").hidden = true;
  $("#event").replaceChildren();
  map.select(null);
  writeUrl();
}

let typing = null;
function changed() {
  readForm();
  render();
}

form.addEventListener("change", changed);
form.addEventListener("submit", (event) => event.preventDefault());
form.addEventListener("input", (event) => {
  if (event.target.type !== "search") return;
  clearTimeout(typing);
  typing = setTimeout(changed, 400);
});
form.addEventListener("reset", () => setTimeout(changed));
$("#more").addEventListener("click", () => nextPage && loadList(nextPage));
$("#unplaced").addEventListener("click", () => {
  form.located.value = "false";
  changed();
});
$("#everything").addEventListener("click", () => {
  timeline.showEverything(!timeline.everything);
  render({ list: false });
});
$("#period").addEventListener("change", (event) => { state.period = event.target.value; render(); });
$("#measure").addEventListener("change", (event) => { state.measure = event.target.value; render(); });
$("#language").addEventListener("click", () => {
  state.lang = language() === "de" ? "en" : "de";
  applyLanguage();
  render();
  if (state.event) openEvent(state.event);
});

function applyLanguage() {
  setLanguage(state.lang);
  map.relabel();
  $("#language").textContent = state.lang === "de" ? "EN" : "DE";
}

applyLanguage();
fillForm();
$("#period").value = state.period;
$("#measure").value = state.measure;
render().then(() => state.event && openEvent(state.event));
let resizing = null;
window.addEventListener("resize", () => {
  clearTimeout(resizing);
  resizing = setTimeout(() => { map.invalidate(); render({ list: false }); }, 200);
});
