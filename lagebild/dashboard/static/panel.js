// The side panel: the list of selected events, and one event with all its coded fields, its
// sources with the words behind each field marked in their text, and why reports merged.

import { el, safeUrl } from "./dom.js";
import { countryName, language, typeName, word } from "./i18n.js";

const FIELDS = [
  "event_date", "time_precision", "event_type", "sub_event_type", "disorder_type", "actor1",
  "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
  "civilian_targeting", "country", "iso3", "admin1", "admin2", "location", "latitude",
  "longitude", "geonames_id", "geo_precision", "fatalities", "confidence", "event_id",
];

export function listItem(event, onSelect) {
  const place = placeName(event);
  const actors = [event.actor1, event.actor2].filter(Boolean).join(" – ");
  const button = el(
    "button",
    { type: "button", className: "event-item", "data-id": event.event_id },
    el("span", { className: "when", text: event.event_date }),
    el("span", { className: "type", text: typeName(event.sub_event_type) }),
    el("span", { className: "where", text: place || "–" }),
    el("span", { className: "who", text: actors }),
    event.fatalities ? el("span", { className: "dead", text: `† ${event.fatalities}` }) : null,
  );
  button.addEventListener("click", () => onSelect(event.event_id));
  return el("li", {}, button);
}

// "Manbij, Syria"; an event placed only by its country is named by the country alone.
function placeName(event) {
  const country = event.country ? countryName(event.country) : "";
  const location = event.location === event.country ? null : event.location;
  return [location, country].filter(Boolean).join(", ");
}

export function eventPanel(event, documents, onClose) {
  const close = el("button", { type: "button", className: "close", text: word("close") });
  close.addEventListener("click", onClose);
  const fields = el("dl", { className: "fields" });
  for (const field of FIELDS) {
    const value = event[field];
    if (value === null || value === undefined || value === "") continue;
    const label = word(`field_${field}`) === `field_${field}` ? word(field) : word(`field_${field}`);
    fields.append(el("dt", { text: label }), el("dd", { text: shown(field, value), "data-field": field }));
  }
  return el(
    "article",
    { "data-id": event.event_id },
    close,
    el("h2", { text: `${typeName(event.sub_event_type)} · ${placeName(event)}` }),
    el("p", { className: "notes", text: event.notes }),
    fields,
    language() === "de" ? el("p", { className: "note", text: word("acled_terms") }) : null,
    el("h3", { text: word("sources") }),
    markKey(),
    ...event.sources.map((source) => sourceBlock(source, event, documents.get(source.doc_id))),
  );
}

// A field's value as a reader takes it: ACLED's codes with their meaning, numbers as the
// interface's language writes them.
function shown(field, value) {
  if (typeof value === "boolean") return word(value ? "yes" : "no");
  if (field.endsWith("type")) return typeName(value);
  if (field === "country") return countryName(value);
  if (field === "inter1" || field === "inter2") return `${value} · ${word(`inter_${value}`)}`;
  if (field === "interaction") return `${value} · ${interaction(value)}`;
  if (field === "time_precision" || field === "geo_precision") return `${value} · ${word(`${field}_${value}`)}`;
  if (field === "latitude" || field === "longitude") return number(value, 5);
  if (typeof value === "number" && field !== "geonames_id") return number(value, 2);
  return value;
}

// ACLED's interaction code: the two actors' inter codes, lower first; a 0 is an actor alone.
function interaction(code) {
  const [first, second] = [Math.floor(code / 10), code % 10];
  const one = word(`inter_${first}`);
  return second ? `${one} – ${word(`inter_${second}`)}` : word("alone", one);
}

function number(value, digits) {
  return value.toLocaleString(language(), { maximumFractionDigits: digits });
}

// What each highlight colour in the source texts marks.
function markKey() {
  const fields = ["event_type", "actor1", "location", "event_date", "fatalities"];
  return el(
    "p",
    { className: "mark-key" },
    ...fields.map((field) => el("mark", { "data-field": field, text: word(`mark_${field}`) })),
  );
}

function sourceBlock(source, event, document) {
  const url = safeUrl(source.url);
  const heading = el(
    "p",
    { className: "source-head" },
    el("strong", { text: source.title || source.doc_id }),
    source.published ? el("span", { text: ` · ${source.published}` }) : null,
    source.language ? el("span", { text: ` · ${source.language}` }) : null,
    url ? el("a", { href: url, text: word("open_source"), rel: "noopener noreferrer", target: "_blank" }) : null,
  );
  const facts = el(
    "p",
    { className: "merge" },
    el("span", { text: `${word("report_fatalities")}: ${source.fatalities ?? "–"} · ` }),
    el("span", { text: source.merged_by ? `${word("merged_by")}: ${source.merged_by}` : word("first_report") }),
  );
  const spans = event.evidence.filter((span) => span.doc_id === source.doc_id);
  return el("section", { className: "source", "data-doc": source.doc_id }, heading, facts, sourceText(document, spans));
}

// The source's text with each evidence span marked; spans that overlap an earlier one are
// shown by the earlier one. Offsets count characters (code points), as Python does.
export function sourceText(document, spans) {
  if (!document) return el("p", { className: "missing", text: word("no_text") });
  const text = document.text;
  const at16 = codeUnits(text);
  const located = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end)
    .map((s) => ({ ...s, start: at16(s.start), end: at16(s.end) }))
    .filter((s) => s.end <= text.length)
    .sort((a, b) => a.start - b.start);
  const bodyStart = at16(document.body_start ?? 0);
  let headerEnd = bodyStart; // the header's lines without the blank line after them
  while (headerEnd > 0 && /\s/.test(text[headerEnd - 1])) headerEnd -= 1;
  const header = headerEnd > 0 ? marked(text, located, 0, headerEnd, "text-header") : null;
  return el("div", { className: "source-text" }, header, marked(text, located, bodyStart, text.length, "text"));
}

// text[from:to] with the spans inside it marked; a span overlapping an earlier one, or
// crossing the range's ends, is shown by the earlier one or not at all.
function marked(text, located, from, to, className) {
  const part = el("div", { className });
  let at = from;
  for (const span of located) {
    if (span.start < at || span.end > to) continue;
    part.append(text.slice(at, span.start));
    part.append(el("mark", { text: text.slice(span.start, span.end), title: word(span.field), "data-field": span.field }));
    at = span.end;
  }
  part.append(text.slice(at, to));
  return part;
}

// Where the n-th character of a text starts in JavaScript's UTF-16 string.
function codeUnits(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (n) => n;
  const starts = [];
  let unit = 0;
  for (const character of text) {
    starts.push(unit);
    unit += character.length;
  }
  starts.push(unit);
  return (n) => starts[n] ?? Infinity;
}
