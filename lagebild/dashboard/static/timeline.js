// The timeline: events or fatalities per day, week or month, stacked by event type, over the
// span of the selected events; dragging across it narrows the date range to what it covers.

import { EVENT_TYPES, TYPE_COLOURS, isoDay } from "./data.js";
import { el, svg } from "./dom.js";
import { typeName } from "./i18n.js";

const HEIGHT = 110;
const AXIS = 18;

export class Timeline {
  constructor(element, onRange) {
    this.element = element;
    this.onRange = onRange;
    this.slots = [];
    this.starts = new Map(); // day → first day of its month, computed once per day
    element.addEventListener("pointerdown", (e) => this.startBrush(e));
    element.addEventListener("pointermove", (e) => this.moveBrush(e));
    element.addEventListener("pointerup", (e) => this.endBrush(e));
    element.addEventListener("pointercancel", () => (this.brushFrom = undefined));
    element.addEventListener("dblclick", () => this.onRange(null, null));
  }

  draw(points, chosen, { period, measure }) {
    this.period = period === "auto" ? autoPeriod(points, chosen) : period;
    const totals = new Map();
    for (const i of chosen) {
      const start = this.start(points.day[i]);
      let stack = totals.get(start);
      if (!stack) totals.set(start, (stack = new Float64Array(EVENT_TYPES.length)));
      stack[points.type[i]] += measure === "fatalities" ? points.fatalities[i] : 1;
    }
    const starts = [...totals.keys()].sort((a, b) => a - b);
    this.render(starts, totals);
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

  render(starts, totals) {
    const width = this.element.clientWidth || 800;
    this.element.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
    this.element.replaceChildren();
    this.slots = [];
    if (!starts.length) return;
    const first = starts[0];
    const last = this.next(starts[starts.length - 1]);
    const scale = (day) => ((day - first) / (last - first)) * (width - 2);
    this.scale = scale;
    this.first = first;
    this.last = last;
    const top = Math.max(...[...totals.values()].map((stack) => stack.reduce((a, b) => a + b, 0)));
    const plot = HEIGHT - AXIS;
    for (const start of starts) {
      const stack = totals.get(start);
      const x = scale(start) + 0.5;
      const w = Math.max(1, scale(this.next(start)) - scale(start) - 1);
      let y = plot;
      const group = svg("g", { class: "bar", "data-period": isoDay(start) });
      for (let t = 0; t < stack.length; t++) {
        if (!stack[t]) continue;
        const h = (stack[t] / top) * (plot - 4);
        y -= h;
        const rect = svg("rect", { x, y, width: w, height: h, fill: TYPE_COLOURS[EVENT_TYPES[t]] });
        const label = svg("title");
        label.textContent = `${isoDay(start)} · ${typeName(EVENT_TYPES[t])}: ${stack[t]}`;
        rect.append(label);
        group.append(rect);
      }
      this.element.append(group);
      this.slots.push(start);
    }
    this.axis(first, last, scale, width);
    this.brush = svg("rect", { class: "brush", x: 0, y: 0, width: 0, height: plot });
    this.element.append(this.brush);
  }

  axis(first, last, scale, width) {
    const years = (last - first) / 365 > 2;
    let day = new Date(first * 86400000);
    day = Date.UTC(day.getUTCFullYear(), years ? 0 : day.getUTCMonth(), 1) / 86400000;
    let previous = -Infinity;
    while (day < last) {
      const x = scale(day);
      if (x >= 0 && x - previous > 60 && x < width - 30) {
        const text = svg("text", { x: x + 2, y: HEIGHT - 5 });
        text.textContent = isoDay(day).slice(0, years ? 4 : 7);
        this.element.append(svg("line", { x1: x, x2: x, y1: 0, y2: HEIGHT - AXIS + 4 }), text);
        previous = x;
      }
      const date = new Date(day * 86400000);
      day = Date.UTC(date.getUTCFullYear() + (years ? 1 : 0), date.getUTCMonth() + (years ? 0 : 1), 1) / 86400000;
    }
  }

  dayAt(event) {
    const box = this.element.getBoundingClientRect();
    const share = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
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

function autoPeriod(points, chosen) {
  if (!chosen.length) return "month";
  let low = Infinity;
  let high = -Infinity;
  for (const i of chosen) {
    low = Math.min(low, points.day[i]);
    high = Math.max(high, points.day[i]);
  }
  const span = high - low;
  return span <= 120 ? "day" : span <= 3 * 365 ? "week" : "month";
}
