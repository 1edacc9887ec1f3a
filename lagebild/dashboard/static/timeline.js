// The timeline: events or fatalities per day, week or month, stacked by event type. It spans
// the events every filter but the dates selects, so the chosen dates stay in context (shaded,
// the rest faded); a few far older or newer events do not stretch it: it spans where most
// events are, and a button brings the rest in. Dragging across it chooses the dates.

import { EVENT_TYPES, TYPE_COLOURS, dayNumber, isoDay } from "./data.js";
import { el, svg } from "./dom.js";
import { language, typeName, word } from "./i18n.js";

const HEIGHT = 110;
const AXIS = 18; // below the bars: the dates
const LEFT = 40; // left of the bars: the counts
const TOP = 16; // above the bars: the measure's name
const MIN_SLOTS = 7; // a single day of data is drawn as one day of a week, not the full width
const OUTLIERS = 0.1; // the share of events that may fall outside the span's dense core
const LABEL_PX = 7; // width of a label's character, about

export class Timeline {
  constructor(element, onRange, onSpan) {
    this.element = element;
    this.onRange = onRange;
    this.onSpan = onSpan; // told how many events lie outside the span drawn
    this.everything = false; // the span includes the outliers
    this.slots = [];
    this.starts = new Map(); // day → first day of its month, computed once per day
    element.addEventListener("pointerdown", (e) => this.startBrush(e));
    element.addEventListener("pointermove", (e) => this.moveBrush(e));
    element.addEventListener("pointerup", (e) => this.endBrush(e));
    element.addEventListener("pointercancel", () => (this.brushFrom = undefined));
    element.addEventListener("dblclick", () => this.onRange(null, null));
  }

  // `context`: the events all filters but the dates select; `range`: the dates chosen.
  draw(points, context, { period, measure, from, to }) {
    const [low, high, outside] = span(points, context, this.everything);
    this.period = period === "auto" ? autoPeriod(high - low) : period;
    const totals = new Map();
    for (const i of context) {
      const day = points.day[i];
      if (day < low || day > high) continue;
      const start = this.start(day);
      let stack = totals.get(start);
      if (!stack) totals.set(start, (stack = new Float64Array(EVENT_TYPES.length)));
      stack[points.type[i]] += measure === "fatalities" ? points.fatalities[i] : 1;
    }
    this.range = [from ? dayNumber(from) : -Infinity, to ? dayNumber(to) : Infinity];
    this.render([...totals.keys()].sort((a, b) => a - b), totals, measure);
    this.onSpan(outside, this.everything);
  }

  showEverything(everything) {
    this.everything = everything;
  }

  start(day) {
    if (this.period === "day") return day;
    if (this.period === "week") return day - ((day + 3) % 7); // 1970-01-01 was a Thursday
    let first = this.starts.get(day);
    if (first === undefined) {
      const date = new Date(day * 86400000);
      first = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 86400000;
      this.starts.set(day, first);
    }
    return first;
  }

  next(start) {
    if (this.period === "day") return start + 1;
    if (this.period === "week") return start + 7;
    const date = new Date(start * 86400000);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / 86400000;
  }

  render(starts, totals, measure) {
    const width = this.element.clientWidth || 800;
    this.element.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
    this.element.replaceChildren();
    this.slots = [];
    if (!starts.length) return;
    let first = starts[0];
    let last = this.next(starts[starts.length - 1]);
    while (this.slotsBetween(first, last) < MIN_SLOTS) {
      first = this.start(first - 1); // widen on both sides around the data
      if (this.slotsBetween(first, last) < MIN_SLOTS) last = this.next(last);
    }
    const plotWidth = width - LEFT - 4;
    const scale = (day) => LEFT + ((day - first) / (last - first)) * plotWidth;
    Object.assign(this, { scale, first, last });
    const top = Math.max(...[...totals.values()].map((stack) => stack.reduce((a, b) => a + b, 0)));
    const plot = HEIGHT - AXIS;
    const step = niceStep(top);
    const height = (value) => (value / (step * Math.ceil(top / step))) * (plot - TOP);
    this.counts(step, Math.ceil(top / step), height, width, measure);
    const [from, to] = this.range;
    for (const start of starts) {
      const stack = totals.get(start);
      const x = scale(start) + 0.5;
      const w = Math.max(1, scale(this.next(start)) - scale(start) - 1);
      const inside = this.next(start) - 1 >= from && start <= to;
      const group = svg("g", { class: inside ? "bar" : "bar outside", "data-period": isoDay(start) });
      let y = plot;
      for (let t = 0; t < stack.length; t++) {
        if (!stack[t]) continue;
        const h = height(stack[t]);
        y -= h;
        const rect = svg("rect", { x, y, width: w, height: h, fill: TYPE_COLOURS[EVENT_TYPES[t]] });
        const label = svg("title");
        label.textContent = `${isoDay(start)} · ${typeName(EVENT_TYPES[t])}: ${stack[t].toLocaleString(language())}`;
        rect.append(label);
        group.append(rect);
      }
      this.element.append(group);
      this.slots.push(start);
    }
    this.dates(first, last, scale, width);
    this.chosen = this.shade(from, to, plot);
    this.brush = svg("rect", { class: "brush", x: 0, y: 0, width: 0, height: plot });
    this.element.append(this.chosen, this.brush);
  }

  slotsBetween(first, last) {
    let n = 0;
    for (let at = first; at < last && n < MIN_SLOTS; at = this.next(at)) n += 1;
    return n;
  }

  // The y-axis: a few round counts with their gridlines.
  counts(step, steps, height, width, measure) {
    const plot = HEIGHT - AXIS;
    for (let k = 0; k <= steps; k++) {
      const y = plot - height(k * step);
      const text = svg("text", { x: LEFT - 4, y: y + 3, "text-anchor": "end", class: "count" });
      text.textContent = (k * step).toLocaleString(language());
      this.element.append(svg("line", { x1: LEFT, x2: width - 4, y1: y, y2: y, class: "grid" }), text);
    }
    const unit = svg("text", { x: 2, y: 9, class: "unit" });
    unit.textContent = word(measure);
    this.element.append(unit);
  }

  // The x-axis: years, months or days, whichever fits; every label whole, at least one.
  dates(first, last, scale, width) {
    const days = last - first;
    const unit = days > 3 * 365 ? "year" : days > 62 ? "month" : "day";
    const chars = { year: 4, month: 7, day: 10 }[unit];
    let previous = -Infinity;
    let labelled = 0;
    for (let day = tickStart(first, unit); day < last; day = tickAfter(day, unit)) {
      const x = scale(day);
      if (x < LEFT) continue;
      const fits = x + 2 + chars * LABEL_PX <= width;
      if (!fits || x - previous < chars * LABEL_PX + 10) continue;
      this.tick(x, isoDay(day).slice(0, chars));
      previous = x;
      labelled += 1;
    }
    if (!labelled) this.tick(scale(first), isoDay(first).slice(0, chars));
  }

  tick(x, label) {
    const text = svg("text", { x: x + 2, y: HEIGHT - 5, class: "date" });
    text.textContent = label;
    this.element.append(svg("line", { x1: x, x2: x, y1: TOP, y2: HEIGHT - AXIS + 4 }), text);
  }

  // The chosen dates, shaded over the bars, while the whole span stays drawn.
  shade(from, to, plot) {
    if (from === -Infinity && to === Infinity) return svg("g");
    const left = this.scale(Math.max(this.first, from));
    const right = this.scale(Math.min(this.last, to + 1));
    return svg("rect", { class: "chosen", x: left, y: 0, width: Math.max(1, right - left), height: plot });
  }

  dayAt(event) {
    const box = this.element.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * (this.element.viewBox.baseVal.width || box.width);
    const share = Math.min(1, Math.max(0, (x - LEFT) / (this.scale(this.last) - LEFT)));
    return Math.min(this.last - 1, Math.floor(this.first + share * (this.last - this.first)));
  }

  startBrush(event) {
    if (!this.slots.length) return;
    this.element.setPointerCapture(event.pointerId);
    this.brushFrom = this.dayAt(event);
  }

  moveBrush(event) {
    if (this.brushFrom === undefined) return;
    const [a, b] = [this.brushFrom, this.dayAt(event)].sort((x, y) => x - y);
    this.brush.setAttribute("x", this.scale(a));
    this.brush.setAttribute("width", Math.max(1, this.scale(b + 1) - this.scale(a)));
  }

  endBrush(event) {
    if (this.brushFrom === undefined) return;
    const [a, b] = [this.brushFrom, this.dayAt(event)].sort((x, y) => x - y);
    this.brushFrom = undefined;
    if (b - a < 1) return; // a click, not a drag
    this.onRange(isoDay(a), isoDay(b));
  }

  legend(element) {
    element.replaceChildren(
      ...EVENT_TYPES.map((type) => {
        const swatch = el("span", { className: "swatch" });
        swatch.style.backgroundColor = TYPE_COLOURS[type];
        return el("span", { className: "legend-item" }, swatch, typeName(type));
      }),
    );
  }
}

// The days the timeline spans: the shortest stretch that holds all but OUTLIERS of the events,
// widened by every event that lies closer to it than a quarter of its length, when that is
// under a third of their whole span; and how many events lie outside it.
function span(points, context, everything) {
  const days = Int32Array.from(context, (i) => points.day[i]).sort();
  if (!days.length) return [0, 0, 0];
  const [low, high] = [days[0], days[days.length - 1]];
  const kept = Math.ceil(days.length * (1 - OUTLIERS));
  let [first, last] = [0, days.length - 1];
  for (let i = 0; i + kept <= days.length; i++) {
    if (days[i + kept - 1] - days[i] < days[last] - days[first]) [first, last] = [i, i + kept - 1];
  }
  const reach = () => Math.max(7, (days[last] - days[first]) / 4);
  while (first > 0 && days[first] - days[first - 1] <= reach()) first -= 1;
  while (last < days.length - 1 && days[last + 1] - days[last] <= reach()) last += 1;
  const [inner, outer] = [days[first], days[last]];
  if (everything || (outer - inner) * 3 > high - low) return [low, high, 0];
  return [inner, outer, first + (days.length - 1 - last)];
}

function autoPeriod(days) {
  return days <= 120 ? "day" : days <= 3 * 365 ? "week" : "month";
}

// A round step (1, 2 or 5 times a power of ten) for about three gridlines up to `top`.
function niceStep(top) {
  const rough = Math.max(1, top / 3);
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough);
}

function tickStart(day, unit) {
  if (unit === "day") return day;
  const date = new Date(day * 86400000);
  const start = Date.UTC(date.getUTCFullYear(), unit === "year" ? 0 : date.getUTCMonth(), 1) / 86400000;
  return start < day ? tickAfter(start, unit) : start;
}

function tickAfter(day, unit) {
  if (unit === "day") return day + 1;
  const date = new Date(day * 86400000);
  const years = unit === "year" ? 1 : 0;
  return Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth() + 1 - years, 1) / 86400000;
}
