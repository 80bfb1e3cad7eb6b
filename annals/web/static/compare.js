"use strict";
// The compare view: who reached which milestone when (GET /api/compare), as a matrix and as a chart of
// each actor's path (milestones down, time across, one line per actor). Cells and points open the event
// in the page's panel (openEvent, app.js). Everything from the corpus is put in as text (see dom.js).

const SVG = "http://www.w3.org/2000/svg";
const ACTOR_COLOURS = 8;  // .actor-0 ... .actor-7 in app.css

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (key === "on") for (const [name, fn] of Object.entries(value)) node.addEventListener(name, fn);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Where an EDTF date is drawn, in years: the start of a span, or the end of one that gives only its end.
function dateYears(value) {
  const [start, end] = String(value).split("/");
  const point = end !== undefined && (start === ".." || start === "") ? end : start;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(point || "");
  if (!match) return null;
  const month = match[2] ? Number(match[2]) : 1;
  const day = match[3] ? Number(match[3]) : 1;
  return Number(match[1]) + (month >= 1 && month <= 12 ? (month - 1) / 12 : 0) + (day - 1) / 365;
}

function actorKey(column) {
  return el("span", {className: `actor-key actor-${column % ACTOR_COLOURS}`, "aria-hidden": "true"});
}

function milestoneName(milestone) {
  return `${milestone.object} (${typeName(milestone.type)})`;
}

function cellLabel(actor, milestone, cell) {
  const sources = cell.sources === 1 ? "1 source" : `${cell.sources} sources`;
  return `${actor}: ${milestoneName(milestone)}, ${cell.date}, ${sources}${cell.conflict ? ", sources give other dates" : ""}`;
}

function openFrom(cell) {
  return (event) => openEvent(cell.event, event.currentTarget);
}

function drawMatrix(data) {
  const head = el("tr", {}, el("th", {scope: "col"}, "Milestone"), el("th", {scope: "col"}, "Type"),
    data.actors.map((actor, i) => el("th", {scope: "col"}, actorKey(i), actor)));
  const rows = data.milestones.map((milestone) => el("tr", {},
    el("th", {scope: "row"}, milestone.object),
    el("td", {}, el("span", {className: `badge ${typeClass(milestone.type)}`}, typeName(milestone.type))),
    data.actors.map((actor) => {
      const cell = milestone.cells[actor];
      if (!cell) return el("td", {className: "none"}, el("span", {"aria-label": `${actor}: not reached`}, "—"));
      return el("td", {className: cell.conflict ? "conflict" : null},
        el("button", {type: "button", dataset: {event: cell.event}, "aria-label": cellLabel(actor, milestone, cell),
          title: cellLabel(actor, milestone, cell), on: {click: openFrom(cell)}},
          el("span", {className: "when"}, cell.date), " ",
          el("span", {className: "muted"}, `(${cell.sources})`),
          cell.conflict ? el("span", {className: "conflict-mark", "aria-hidden": "true"}, " ≠") : null));
    })));
  return el("table", {className: "compare-matrix"},
    el("caption", {className: "muted"}, "Each cell: the earliest date the actor reached the milestone, " +
      "(its number of sources), ≠ where sources give other dates. Click a date for its sources."),
    el("thead", {}, head), el("tbody", {}, rows));
}

function drawChart(data) {
  const points = [];
  data.milestones.forEach((milestone, row) => {
    data.actors.forEach((actor, column) => {
      const cell = milestone.cells[actor];
      const at = cell ? dateYears(cell.date) : null;
      if (at !== null) points.push({row, column, at, actor, milestone, cell});
    });
  });
  if (!points.length) return el("p", {className: "muted"}, "No dated milestone to draw.");
  const low = Math.floor(Math.min(...points.map((p) => p.at)));
  const high = Math.ceil(Math.max(...points.map((p) => p.at))) + 1;
  const labelWidth = 310;
  const plotWidth = 620;
  const rowHeight = 30;
  const top = 28;
  const width = labelWidth + plotWidth + 20;
  const height = top + rowHeight * data.milestones.length + 10;
  const x = (years) => labelWidth + ((years - low) / Math.max(high - low, 1)) * plotWidth;
  const y = (row) => top + rowHeight * row + rowHeight / 2;
  const step = Math.max(1, Math.ceil((high - low) / 12));
  const axis = [];
  for (let year = low; year <= high; year += step) {
    axis.push(svg("line", {x1: x(year), x2: x(year), y1: top - 6, y2: height - 10, class: "grid"}),
      svg("text", {x: x(year), y: top - 10, "text-anchor": "middle", class: "year"}, String(year)));
  }
  const labels = data.milestones.map((milestone, row) => svg("text",
    {x: labelWidth - 10, y: y(row) + 4, "text-anchor": "end", class: "milestone"},
    svg("title", {}, milestoneName(milestone)),
    milestoneName(milestone).length > 42 ? milestoneName(milestone).slice(0, 41) + "…" : milestoneName(milestone)));
  const lines = data.actors.map((actor, column) => {
    const path = points.filter((p) => p.column === column).sort((a, b) => a.row - b.row);
    if (path.length < 2) return null;
    return svg("polyline", {class: `path actor-${column % ACTOR_COLOURS}`,
      points: path.map((p) => `${x(p.at).toFixed(1)},${y(p.row).toFixed(1)}`).join(" ")});
  });
  const dots = points.map((p) => svg("g", {class: `point actor-${p.column % ACTOR_COLOURS}${p.cell.conflict ? " conflict" : ""}`,
    tabindex: "0", role: "button", "data-event": p.cell.event, "aria-label": cellLabel(p.actor, p.milestone, p.cell),
    on: {click: openFrom(p.cell), keydown: (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); openEvent(p.cell.event, event.currentTarget); }
    }}},
  svg("title", {}, cellLabel(p.actor, p.milestone, p.cell)),
  svg("circle", {cx: x(p.at).toFixed(1), cy: (y(p.row) + (p.column - (data.actors.length - 1) / 2) * 3).toFixed(1), r: 6})));
  const legend = el("ul", {className: "compare-legend"}, data.actors.map((actor, i) =>
    el("li", {}, actorKey(i), actor)));
  const chart = svg("svg", {viewBox: `0 0 ${width} ${height}`, width, height, class: "compare-chart",
    role: "group", "aria-label": "Each actor's path: milestones down, time across; a point opens its event"},
  axis, labels, lines, dots);
  return [legend, el("div", {className: "chart-scroll"}, chart)];
}

async function loadCompare(state) {
  const box = document.getElementById("compare-body");
  const status = document.getElementById("compare-status");
  if (!box) return;
  if (state.actors.length < 1) {
    status.textContent = "Add actors to compare their milestones.";
    box.replaceChildren();
    return;
  }
  const params = new URLSearchParams();
  state.actors.forEach((a) => params.append("actor", a));
  state.types.forEach((t) => params.append("type", t));
  params.set("format", "json");
  let data;
  try {
    data = await getJSON("/api/compare?" + params.toString());
  } catch (error) {
    status.textContent = error.message;
    status.classList.add("error");
    box.replaceChildren();
    return;
  }
  status.classList.remove("error");
  const count = data.milestones.length;
  status.textContent = count
    ? `${count} milestone${count === 1 ? "" : "s"} that ${data.actors.length > 1 ? "at least two of " : ""}${data.actors.join(", ")} reached.`
    : `No milestone that ${data.actors.length > 1 ? "two of these actors" : "this actor"} reached.`;
  box.replaceChildren(...(count ? [el("div", {className: "matrix-scroll"}, drawMatrix(data)), ...drawChart(data)] : []));
}
