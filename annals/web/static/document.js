"use strict";
// A document's text as read, with the sentence of the link (#at-START-END, code points) marked.

function sourceFromPath() {
  const rest = location.pathname.replace(/^\/documents\//, "");
  return rest.split("/").map(decodeURIComponent).join("/");
}

function markedRange() {
  const match = /^#at-(\d+)-(\d+)$/.exec(location.hash);
  return match ? {start: Number(match[1]), end: Number(match[2])} : null;
}

async function showDocument() {
  const source = sourceFromPath();
  const path = source.split("/").map(encodeURIComponent).join("/");
  const status = document.getElementById("status");
  let doc;
  try {
    doc = await getJSON(`/api/documents/${path}`);
  } catch (error) {
    status.textContent = error.message;
    status.setAttribute("role", "alert");
    return;
  }
  document.title = `annals: ${doc.title || doc.source}`;
  document.getElementById("doc-title").textContent = doc.title || doc.source;
  document.getElementById("doc-meta").textContent =
    `${doc.source} · ${doc.events} events · read as ${doc.reader}${doc.date ? " · dated " + doc.date : ""}`;
  const box = document.getElementById("doc-text");
  const range = markedRange();
  const chars = Array.from(doc.text);
  if (!range || range.end > chars.length || range.start >= range.end) {
    box.replaceChildren(doc.text);
    return;
  }
  const mark = el("mark", {id: "here", tabindex: "-1"}, chars.slice(range.start, range.end).join(""));
  box.replaceChildren(chars.slice(0, range.start).join(""), mark, chars.slice(range.end).join(""));
  mark.scrollIntoView({block: "center"});
  mark.focus({preventScroll: true});
}

document.addEventListener("DOMContentLoaded", showDocument);
