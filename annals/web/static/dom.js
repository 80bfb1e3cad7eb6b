"use strict";
// Small helpers shared by the pages. Text from the corpus goes into the page only as text
// (textContent, text nodes, setAttribute values): never as HTML.

const TYPES = [
  "membership", "withdrawal", "agreement", "establishment", "appointment", "visit", "meeting", "summit",
  "deployment", "deployment_end", "project", "exercise", "decision", "statement", "conflict", "political",
];

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "className") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "on") for (const [name, fn] of Object.entries(value)) node.addEventListener(name, fn);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// The class of a type, only for the types annals knows (anything else is "other").
function typeClass(type) {
  return "type-" + (TYPES.includes(type) ? type : "other");
}

function typeName(type) {
  return String(type).replace(/_/g, " ");
}

// The sentence as nodes, its highlights (code-point offsets) in <mark>s.
function markedSentence(text, highlights) {
  const chars = Array.from(text);
  const out = [];
  let at = 0;
  for (const h of highlights || []) {
    if (h.start < at || h.end > chars.length || h.end <= h.start) continue;
    out.push(chars.slice(at, h.start).join(""));
    const kind = h.kind === "date" ? "date" : "actor";
    out.push(el("mark", {className: "hl-" + kind, title: kind === "actor" ? h.label : "date"},
      chars.slice(h.start, h.end).join("")));
    at = h.end;
  }
  out.push(chars.slice(at).join(""));
  return out;
}

// The link to a document, at the sentence (start-end, code points).
function documentHref(source, start, end) {
  const path = String(source).split("/").map(encodeURIComponent).join("/");
  const hash = start === undefined ? "" : `#at-${start}-${end}`;
  return `/documents/${path}${hash}`;
}

async function getJSON(url) {
  const response = await fetch(url, {headers: {Accept: "application/json"}});
  let body = null;
  try {
    body = await response.json();
  } catch (_) {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}
