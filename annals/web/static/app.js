"use strict";
// The timeline page: filters in the URL, one lane per actor (vis-timeline groups), a panel per event.
// Everything from the corpus is put in as text (see dom.js).

const LIST_LIMIT = 300;
const DAY = 24 * 3600 * 1000;
const page = {timeline: null, items: null, groups: null, events: new Map(), lastFocus: null, state: null};

function readState() {
  const params = new URLSearchParams(location.search);
  return {
    actors: params.getAll("actor"),
    types: params.getAll("type").filter((t) => TYPES.includes(t)),
    since: params.get("since") || "",
    until: params.get("until") || "",
    text: params.get("text") || "",
  };
}

function stateQuery(state) {
  const params = new URLSearchParams();
  state.actors.forEach((a) => params.append("actor", a));
  state.types.forEach((t) => params.append("type", t));
  for (const key of ["since", "until", "text"]) if (state[key]) params.set(key, state[key]);
  return params.toString();
}

function setStatus(text, {error = false} = {}) {
  const status = document.getElementById("status");
  status.textContent = text;
  status.classList.toggle("error", error);
  status.setAttribute("role", error ? "alert" : "status");
}

// ---------------------------------------------------------------- filters

function renderActors(state) {
  const list = document.getElementById("chosen-actors");
  list.replaceChildren(...state.actors.map((name) => el("li", {},
    el("span", {}, name),
    el("button", {type: "button", "aria-label": `Remove ${name}`, title: "Remove",
      on: {click: () => { state.actors = state.actors.filter((a) => a !== name); apply(state); }}}, "×"))));
}

function renderTypes(state, counts) {
  const box = document.getElementById("type-list");
  box.replaceChildren(...TYPES.map((type) => {
    const input = el("input", {type: "checkbox", name: "type", value: type});
    input.checked = state.types.length === 0 || state.types.includes(type);
    input.addEventListener("change", () => {
      const chosen = [...box.querySelectorAll("input:checked")].map((i) => i.value);
      state.types = chosen.length === TYPES.length ? [] : chosen;
      if (chosen.length) apply(state);
      else setStatus("Choose at least one type.");
    });
    return el("label", {className: typeClass(type)}, input, el("span", {className: "swatch", "aria-hidden": "true"}),
      typeName(type), el("span", {className: "count"}, counts.has(type) ? `(${counts.get(type)})` : "(0)"));
  }));
}

function setupFilters(state) {
  const form = document.getElementById("filters");
  for (const key of ["since", "until", "text"]) document.getElementById(key).value = state[key];
  const input = document.getElementById("actor-input");
  const add = () => {
    const name = input.value.trim();
    if (name && !state.actors.includes(name)) {
      state.actors.push(name);
      input.value = "";
      apply(state);
    }
  };
  document.getElementById("add-actor").addEventListener("click", add);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); add(); }
  });
  document.getElementById("types-all").addEventListener("click", () => { state.types = []; apply(state); });
  document.getElementById("types-none").addEventListener("click", () => {
    document.querySelectorAll("#type-list input").forEach((i) => { i.checked = false; });
    setStatus("Choose at least one type.");
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    for (const key of ["since", "until", "text"]) state[key] = document.getElementById(key).value.trim();
    if (input.value.trim()) add();
    else apply(state);
  });
  if (window.matchMedia("(max-width: 760px)").matches) document.getElementById("filter-box").open = false;
}

function apply(state) {
  history.replaceState(null, "", "?" + stateQuery(state));
  for (const input of document.querySelectorAll("#type-list input")) {
    input.checked = state.types.length === 0 || state.types.includes(input.value);
  }
  renderActors(state);
  load(state);
  if (typeof loadCompare === "function") loadCompare(state);  // compare.js
}

// ---------------------------------------------------------------- timeline

function itemNode(item) {
  return el("span", {className: "item-label", tabindex: "0", role: "button", dataset: {event: item.eventId},
    "aria-label": `${typeName(item.eventType)}, ${item.dateText}: ${item.label}`}, item.label);
}

function clusterNode(data) {
  const count = data.uiItems ? data.uiItems.length : 0;
  const start = data.start instanceof Date ? data.start.getTime() : Date.now();
  const end = data.end instanceof Date ? data.end.getTime() : start;
  return el("span", {className: "cluster-count", tabindex: "0", role: "button",
    dataset: {start: String(start), end: String(end)}, "aria-label": `${count} events: Enter to zoom in`}, String(count));
}

function template(item, element, data) {
  if (data && data.isCluster) return clusterNode(data);
  return itemNode(item);
}

function toItems(lanes) {
  const items = [];
  page.events.clear();
  const today = new Date();
  lanes.forEach((lane, group) => {
    for (const found of lane.items) {
      page.events.set(found.id, found);
      const classes = [typeClass(found.type)];
      const item = {id: `${group}:${found.id}`, group, eventId: found.id, eventType: found.type,
        dateText: found.date.text, label: found.label, start: found.start};
      if (found.end) {
        item.end = found.end;
        item.type = "range";
      } else if (found.open === "end") {
        item.end = today;
        item.type = "range";
        classes.push("open-end");
      } else {
        item.type = "point";
        if (found.precision !== "day") classes.push("vague");
      }
      item.className = classes.join(" ");
      items.push(item);
    }
  });
  return items;
}

function spanOf(years) {
  if (!years) return null;
  return {start: new Date(Date.UTC(years[0] - 1, 6, 1)), end: new Date(Date.UTC(years[1] + 1, 6, 1))};
}

function draw(data) {
  const groups = data.lanes.map((lane, id) => ({id, content: el("span", {className: "lane-label"}, lane.actor.name),
    title: `${lane.actor.name} (${lane.actor.kind})`}));
  const items = toItems(data.lanes);
  const span = spanOf(data.years);
  if (!page.timeline) {
    page.items = new vis.DataSet(items);
    page.groups = new vis.DataSet(groups);
    const options = {
      template, stack: items.length <= 3000, showTooltips: false, selectable: true, multiselect: false,
      orientation: {axis: "top", item: "top"}, verticalScroll: true, maxHeight: "70vh", zoomKey: "", zoomMin: 7 * DAY,
      zoomMax: 400 * 365 * DAY, margin: {item: {horizontal: 4, vertical: 4}}, groupOrder: "id",
      cluster: {maxItems: 2, titleTemplate: "{count} events: click to zoom in", showStipes: false,
        fitOnDoubleClick: true},
    };
    page.timeline = new vis.Timeline(document.getElementById("timeline"), page.items, page.groups, options);
    page.timeline.on("click", onClick);
  } else {
    page.timeline.setOptions({stack: items.length <= 3000});
    page.items.clear();
    page.groups.clear();
    page.groups.add(groups);
    page.items.add(items);
  }
  // Clusters are drawn on a change of the window: always set it (again).
  if (span) page.timeline.setWindow(span.start, span.end, {animation: false});
  else page.timeline.fit({animation: false});
  drawList(data.lanes);
}

function zoomTo(start, end) {
  const middle = (start + end) / 2;
  const range = page.timeline.getWindow();
  const width = Math.max((range.end - range.start) / 4, end - start + 30 * DAY, 14 * DAY);
  page.timeline.setWindow(new Date(middle - width / 2), new Date(middle + width / 2));
}

function onClick(props) {
  if (props.isCluster) {
    const node = props.event && props.event.target && props.event.target.closest("[data-start]");
    if (node) zoomTo(Number(node.dataset.start), Number(node.dataset.end));
    else zoomTo(props.time.getTime(), props.time.getTime());
    return;
  }
  if (props.item !== null && props.item !== undefined) {
    const eventId = String(props.item).split(":").slice(1).join(":");
    openEvent(eventId, props.event && props.event.target);
  }
}

function onTimelineKey(event) {
  const target = event.target;
  if (event.key === "Enter" || event.key === " ") {
    if (target.dataset && target.dataset.event) {
      event.preventDefault();
      openEvent(target.dataset.event, target);
    } else if (target.dataset && target.dataset.start) {
      event.preventDefault();
      zoomTo(Number(target.dataset.start), Number(target.dataset.end));
    }
    return;
  }
  if (!page.timeline || target.id !== "timeline") return;
  const range = page.timeline.getWindow();
  const width = range.end - range.start;
  const moves = {ArrowLeft: -0.2, ArrowRight: 0.2};
  if (event.key in moves) {
    event.preventDefault();
    const shift = width * moves[event.key];
    page.timeline.setWindow(new Date(range.start.getTime() + shift), new Date(range.end.getTime() + shift));
  } else if (event.key === "+" || event.key === "=") {
    event.preventDefault();
    page.timeline.zoomIn(0.5);
  } else if (event.key === "-") {
    event.preventDefault();
    page.timeline.zoomOut(0.5);
  }
}

// ---------------------------------------------------------------- list

function drawList(lanes) {
  const seen = new Map();
  for (const lane of lanes) {
    for (const item of lane.items) {
      if (!seen.has(item.id)) seen.set(item.id, {item, lanes: []});
      seen.get(item.id).lanes.push(lane.actor.name);
    }
  }
  const all = [...seen.values()].sort((a, b) => (a.item.start < b.item.start ? -1 : a.item.start > b.item.start ? 1 : 0));
  const list = document.getElementById("event-list");
  list.replaceChildren(...all.slice(0, LIST_LIMIT).map(({item, lanes: names}) => el("li", {},
    el("button", {type: "button", dataset: {event: item.id}, on: {click: (e) => openEvent(item.id, e.currentTarget)}},
      el("span", {className: "when"}, item.date.text),
      el("span", {className: `badge ${typeClass(item.type)}`}, typeName(item.type)),
      el("span", {className: "what"}, item.label),
      el("span", {className: "muted"}, names.join(", "))))));
  const title = document.getElementById("list-title");
  title.textContent = all.length > LIST_LIMIT
    ? `Events as a list (the first ${LIST_LIMIT} of ${all.length}; narrow the filters for the rest)`
    : `Events as a list (${all.length})`;
}

// ---------------------------------------------------------------- panel

function sourceNode(source, conflicting) {
  const doc = source.document;
  const where = (source.section || []).join(" › ");
  const differs = conflicting.has(source.date.value);
  return el("figure", {className: differs ? "source conflict" : "source"},
    source.headline ? el("p", {className: "source-headline"}, source.headline) : null,
    differs ? el("p", {className: "conflict-mark"}, `Another date: ${source.date.text}`) : null,
    el("blockquote", {}, markedSentence(source.evidence.text, source.highlights)),
    el("figcaption", {className: "cite"},
      el("a", {href: documentHref(doc.source, source.evidence.start, source.evidence.end)}, doc.title || doc.source),
      where ? ` · ${where}` : "",
      source.date.value !== undefined ? ` · ${source.date.text} (${source.date.value})` : ""));
}

function actorNodes(actors) {
  if (!actors.length) return "—";
  const parts = {source: "acted", target: "acted on"};
  return el("ul", {className: "plain"}, actors.map((a) => el("li", {dataset: {part: a.part || ""}}, a.name,
    el("span", {className: "muted"}, ` (${a.kind}${a.role ? ", " + a.role : ""}${parts[a.part] ? ", " + parts[a.part] : ""})`))));
}

async function openEvent(eventId, from) {
  const panel = document.getElementById("panel");
  const body = document.getElementById("panel-body");
  page.lastFocus = from && from.focus ? from : document.activeElement;
  panel.hidden = false;
  body.replaceChildren(el("p", {className: "muted"}, "Loading…"));
  let event;
  try {
    event = await getJSON(`/api/events/${encodeURIComponent(eventId)}`);
  } catch (error) {
    body.replaceChildren(el("p", {className: "error"}, error.message));
    return;
  }
  document.getElementById("panel-title").replaceChildren(
    el("span", {className: `badge ${typeClass(event.type)}`}, typeName(event.type)), " ", event.date.text);
  const conflicts = event.conflicts || [];
  const conflicting = new Set(conflicts.map((c) => c.value));
  body.replaceChildren(
    event.headline ? el("p", {className: "headline"}, event.headline) : null,
    el("dl", {},
      el("dt", {}, "Date as written"), el("dd", {className: "date-text"}, event.date.text),
      el("dt", {}, "EDTF"), el("dd", {}, el("code", {className: "edtf"}, event.date.value)),
      el("dt", {}, "Type"), el("dd", {className: "event-type"}, typeName(event.type)),
      el("dt", {}, "Actors"), el("dd", {}, actorNodes(event.actors)),
      event.object ? [el("dt", {}, "About"), el("dd", {className: "object"},
        `${event.object.name} (${event.object.kind})`)] : null,
      event.places.length ? [el("dt", {}, "Places"), el("dd", {}, event.places.join(", "))] : null,
      conflicts.length ? [el("dt", {}, "Other dates"), el("dd", {}, conflicts.map((c) => `${c.text} (${c.source})`)
        .join("; "))] : null),
    el("h3", {}, event.sources.length === 1 ? "Source" : `Sources (${event.sources.length})`),
    ...event.sources.map((source) => sourceNode(source, conflicting)));
  panel.focus();
}

function closePanel() {
  const panel = document.getElementById("panel");
  if (panel.hidden) return;
  panel.hidden = true;
  if (page.timeline) page.timeline.setSelection([]);
  if (page.lastFocus && document.contains(page.lastFocus)) page.lastFocus.focus();
}

// ---------------------------------------------------------------- loading

async function load(state) {
  if (!state.actors.length) {
    setStatus("Add an actor to see its lane.");
    if (page.items) { page.items.clear(); page.groups.clear(); }
    drawList([]);
    return;
  }
  setStatus("Loading…");
  let data;
  try {
    data = await getJSON("/api/timeline?" + stateQuery(state));
  } catch (error) {
    setStatus(error.message, {error: true});
    return;
  }
  draw(data);
  const parts = data.lanes.map((lane) => `${lane.actor.name}: ${lane.items.length}${lane.truncated ? "+" : ""}`);
  const undated = data.lanes.reduce((n, lane) => n + lane.undated, 0);
  let text = `${parts.join(", ")} events.`;
  if (undated) text += ` ${undated} without a known year are not drawn.`;
  if (data.lanes.some((lane) => lane.truncated)) text += " Some lanes are cut short: narrow the filters.";
  setStatus(text);
}

async function start() {
  if (typeof vis === "undefined") {
    setStatus("The timeline library is missing: run `npm ci && npm run build` (make test does).", {error: true});
    return;
  }
  const state = readState();
  page.state = state;
  let actors;
  let types;
  try {
    const [actorList, typeList] = await Promise.all([getJSON("/api/actors"), getJSON("/api/types")]);
    actors = actorList.actors;
    types = typeList.types;
  } catch (error) {
    setStatus(error.message, {error: true});
    return;
  }
  const names = document.getElementById("actor-names");
  names.replaceChildren(...actors.slice(0, 2000).map((a) => el("option", {value: a.name})));
  const counts = new Map(types.map((t) => [t.type, t.events]));
  const total = types.reduce((n, t) => n + t.events, 0);
  document.getElementById("corpus").textContent = `${total} events, ${actors.length} actors`;
  if (!state.actors.length) state.actors = actors.slice(0, 2).map((a) => a.name);
  renderTypes(state, counts);
  setupFilters(state);
  document.getElementById("timeline").addEventListener("keydown", onTimelineKey);
  document.getElementById("close-panel").addEventListener("click", closePanel);
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") closePanel(); });
  apply(state);
}

document.addEventListener("DOMContentLoaded", start);
