// The dashboard's words in English and German; ACLED's type names stay the data's values.

export const LANGUAGES = ["en", "de"];

const WORDS = {
  en: {
    from: "From", to: "To", country: "Country", event_type: "Event type",
    sub_event_type: "Sub-event type", actor: "Actor", text: "Text",
    min_fatalities: "Min. fatalities", clear: "Clear", csv: "CSV", geojson: "GeoJSON",
    api: "API", more: "More", timeline: "Timeline", auto: "auto", day: "day", week: "week",
    month: "month", events: "events", fatalities: "fatalities", any: "any",
    brush_hint: "Drag across the timeline to filter by date; double-click to clear.",
    summary: (events, fatalities) => `${events} events, ${fatalities} fatalities`,
    unplaced: (n) => `${n} without coordinates: list them`,
    located: "Coordinates", located_true: "on the map", located_false: "none (country or region only)",
    outside_span: (n) => `${n} events outside: show the whole span`,
    fit_span: "show where most events are",
    loading: "Loading…", failed: "Could not load the events:", none: "No events match.",
    close: "Close", sources: "Sources", evidence: "Evidence", notes: "Notes",
    merged_by: "Merged", first_report: "first report", report_fatalities: "fatalities reported",
    open_source: "open", no_text: "The source text is not stored.",
    event_date: "Date", time_precision: "Time precision", disorder_type: "Disorder type",
    actor1: "Actor 1", actor2: "Actor 2", assoc_actor_1: "Associated actor 1",
    assoc_actor_2: "Associated actor 2", inter1: "Inter 1", inter2: "Inter 2",
    interaction: "Interaction", civilian_targeting: "Civilian targeting", iso3: "ISO3",
    admin1: "Admin 1", admin2: "Admin 2", location: "Location", latitude: "Latitude",
    longitude: "Longitude", geonames_id: "GeoNames id", geo_precision: "Geo precision",
    confidence: "Confidence", event_id: "Event id", yes: "yes", no: "no",
    field_fatalities: "Fatalities", field_event_type: "Event type",
    cluster: (n) => `${n} events: zoom in`,
    killed: (n) => (n ? `${n} killed` : "no fatalities"), cluster_key: "events close together",
    inter_1: "State forces", inter_2: "Rebel groups", inter_3: "Political militias",
    inter_4: "Identity militias", inter_5: "Rioters", inter_6: "Protesters",
    inter_7: "Civilians", inter_8: "External/Other forces", alone: (actor) => `${actor} alone`,
    time_precision_1: "the day is known", time_precision_2: "the week is known",
    time_precision_3: "the month is known",
    geo_precision_1: "the town itself", geo_precision_2: "near the town or in its district",
    geo_precision_3: "only the region",
    mark_event_type: "event", mark_actor1: "actors", mark_location: "place",
    mark_event_date: "date", mark_fatalities: "fatalities",
  },
  de: {
    from: "Von", to: "Bis", country: "Land", event_type: "Ereignistyp",
    sub_event_type: "Untertyp", actor: "Akteur", text: "Text",
    min_fatalities: "Mind. Tote", clear: "Zurücksetzen", csv: "CSV", geojson: "GeoJSON",
    api: "API", more: "Mehr", timeline: "Zeitleiste", auto: "automatisch", day: "Tag",
    week: "Woche", month: "Monat", events: "Ereignisse", fatalities: "Tote", any: "alle",
    brush_hint: "Über die Zeitleiste ziehen filtert nach Datum; Doppelklick hebt es auf.",
    summary: (events, fatalities) => `${events} Ereignisse, ${fatalities} Tote`,
    unplaced: (n) => `${n} ohne Koordinaten: auflisten`,
    located: "Koordinaten", located_true: "auf der Karte", located_false: "keine (nur Land oder Region)",
    outside_span: (n) => `${n} Ereignisse außerhalb: ganze Spanne zeigen`,
    fit_span: "zeigen, wo die meisten Ereignisse liegen",
    loading: "Lädt…", failed: "Die Ereignisse konnten nicht geladen werden:",
    none: "Keine Ereignisse gefunden.", close: "Schließen", sources: "Quellen",
    evidence: "Belege", notes: "Zusammenfassung", merged_by: "Zusammengeführt",
    first_report: "erste Meldung", report_fatalities: "gemeldete Tote", open_source: "öffnen",
    no_text: "Der Quelltext ist nicht gespeichert.",
    event_date: "Datum", time_precision: "Zeitgenauigkeit", disorder_type: "Konfliktart",
    actor1: "Akteur 1", actor2: "Akteur 2", assoc_actor_1: "Verbündeter Akteur 1",
    assoc_actor_2: "Verbündeter Akteur 2", inter1: "Inter 1", inter2: "Inter 2",
    interaction: "Interaktion", civilian_targeting: "Gegen Zivilisten", iso3: "ISO3",
    admin1: "Region", admin2: "Bezirk", location: "Ort", latitude: "Breite",
    longitude: "Länge", geonames_id: "GeoNames-ID", geo_precision: "Ortsgenauigkeit",
    confidence: "Konfidenz", event_id: "Ereignis-ID", yes: "ja", no: "nein",
    field_fatalities: "Tote", field_event_type: "Ereignistyp",
    cluster: (n) => `${n} Ereignisse: hineinzoomen`,
    killed: (n) => (n ? `${n} Tote` : "keine Toten"), cluster_key: "Ereignisse nah beieinander",
    inter_1: "Staatliche Kräfte", inter_2: "Rebellengruppen", inter_3: "Politische Milizen",
    inter_4: "Identitätsmilizen", inter_5: "Randalierer", inter_6: "Protestierende",
    inter_7: "Zivilisten", inter_8: "Ausländische/andere Kräfte",
    alone: (actor) => `${actor} allein`,
    time_precision_1: "Tag bekannt", time_precision_2: "Woche bekannt",
    time_precision_3: "Monat bekannt",
    geo_precision_1: "der Ort selbst", geo_precision_2: "nahe dem Ort oder in seinem Bezirk",
    geo_precision_3: "nur die Region",
    mark_event_type: "Ereignis", mark_actor1: "Akteure", mark_location: "Ort",
    mark_event_date: "Datum", mark_fatalities: "Tote",
    acled_terms: "ACLEDs Kategorien und Codes gibt es nur auf Englisch: die deutschen Namen hier sind übersetzt, Filter und Exporte nutzen ACLEDs englische.",
  },
};

// German names of ACLED's event and sub-event types.
const TYPES_DE = {
  "Battles": "Kämpfe",
  "Explosions/Remote violence": "Explosionen/Fernangriffe",
  "Violence against civilians": "Gewalt gegen Zivilisten",
  "Protests": "Proteste",
  "Riots": "Ausschreitungen",
  "Strategic developments": "Strategische Entwicklungen",
  "Armed clash": "Bewaffneter Zusammenstoß",
  "Government regains territory": "Regierung erobert Gebiet zurück",
  "Non-state actor overtakes territory": "Nichtstaatlicher Akteur erobert Gebiet",
  "Chemical weapon": "Chemiewaffe",
  "Air/drone strike": "Luft-/Drohnenangriff",
  "Suicide bomb": "Selbstmordanschlag",
  "Shelling/artillery/missile attack": "Beschuss/Artillerie/Raketen",
  "Remote explosive/landmine/IED": "Sprengsatz/Landmine/IED",
  "Grenade": "Granate",
  "Sexual violence": "Sexuelle Gewalt",
  "Attack": "Angriff",
  "Abduction/forced disappearance": "Entführung/Verschwindenlassen",
  "Peaceful protest": "Friedlicher Protest",
  "Protest with intervention": "Protest mit Eingreifen",
  "Excessive force against protesters": "Übermäßige Gewalt gegen Protestierende",
  "Violent demonstration": "Gewaltsame Demonstration",
  "Mob violence": "Mobgewalt",
  "Agreement": "Vereinbarung",
  "Arrests": "Festnahmen",
  "Change to group/activity": "Veränderung einer Gruppe/Aktivität",
  "Disrupted weapons use": "Vereitelter Waffeneinsatz",
  "Headquarters or base established": "Hauptquartier oder Basis errichtet",
  "Looting/property destruction": "Plünderung/Zerstörung",
  "Non-violent transfer of territory": "Gewaltfreie Gebietsübergabe",
  "Other": "Sonstiges",
  "Political violence": "Politische Gewalt",
  "Demonstrations": "Demonstrationen",
  "Political violence; Demonstrations": "Politische Gewalt; Demonstrationen",
};

let current = "en";

export function setLanguage(language) {
  current = LANGUAGES.includes(language) ? language : "en";
  document.documentElement.lang = current;
  for (const element of document.querySelectorAll("[data-text]")) {
    element.textContent = word(element.dataset.text);
  }
  return current;
}

export function language() {
  return current;
}

export function word(key, ...values) {
  const found = WORDS[current][key] ?? WORDS.en[key] ?? key;
  return typeof found === "function" ? found(...values) : found;
}

let countryCodes = new Map(); // ACLED country name → ISO alpha-2 code, from /points

export function knowCountries(codes) {
  countryCodes = codes;
}

// A country in the interface's language: the browser's own names by ISO code (ACLED's
// English name when the code is not known).
export function countryName(name) {
  const code = countryCodes.get(name);
  if (current === "en" || !code) return name;
  try {
    return new Intl.DisplayNames([current], { type: "region" }).of(code) ?? name;
  } catch {
    return name;
  }
}

export function typeName(name) {
  return current === "de" ? (TYPES_DE[name] ?? name) : name;
}
