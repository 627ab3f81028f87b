// Weave's recovery screen. Plain JavaScript outside the wasm on purpose: after
// a crash the app's own code is no longer trusted, but this can still read
// IndexedDB and save everything to a file. It never writes to storage.
(function () {
  "use strict";
  var STORES = ["meta", "responses", "drafts", "blobs"];

  function readAll(done) {
    var open;
    try { open = indexedDB.open("weave"); } catch (e) { done(null, e); return; }
    open.onerror = function () { done(null, open.error); };
    open.onsuccess = function () {
      var db = open.result, out = {}, names = STORES.filter(function (s) {
        return db.objectStoreNames.contains(s);
      });
      if (!names.length) { done(out); return; }
      var tx = db.transaction(names, "readonly"), left = names.length;
      names.forEach(function (name) {
        out[name] = {};
        var req = tx.objectStore(name).openCursor();
        req.onsuccess = function () {
          var c = req.result;
          if (c) { out[name][c.key] = c.value; c.continue(); }
          else if (--left === 0) { done(out); }
        };
        req.onerror = function () { done(null, req.error); };
      });
    };
  }

  function parse(text) { try { return JSON.parse(text); } catch (e) { return text; } }

  // The same envelope as the app's backup format, so it can be imported again.
  function toBackup(raw) {
    var meta = raw.meta || {}, responses = [], drafts = [];
    Object.keys(raw.responses || {}).forEach(function (k) { responses.push(parse(raw.responses[k])); });
    Object.keys(raw.drafts || {}).forEach(function (k) { drafts.push(parse(raw.drafts[k])); });
    return {
      format: "weave",
      schema: meta.schema ? Number(meta.schema) : 2,
      community: {
        event: parse(meta.event || "null"),
        responses: responses,
        merges: parse(meta.merges || "[]"),
        place_decisions: parse(meta.place_decisions || "[]")
      },
      drafts: drafts,
      recovered_at: new Date().toISOString()
    };
  }

  function download() {
    readAll(function (raw, err) {
      var status = document.getElementById("weave-recovery-status");
      if (!raw) { status.textContent = "Could not read the stored data: " + (err && err.message); return; }
      var blob = new Blob([JSON.stringify(toBackup(raw), null, 1)], { type: "application/json" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "weave-recovered-" + new Date().toISOString().slice(0, 10) + ".json";
      document.body.appendChild(a); a.click(); a.remove();
      status.textContent = "Saved. Keep this file safe: it holds everything Weave had stored.";
    });
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }

  window.weaveRecovery = {
    show: function (message) {
      if (document.getElementById("weave-recovery")) return;
      var box = el("div", { id: "weave-recovery", role: "alertdialog", "aria-modal": "true",
        "aria-labelledby": "weave-recovery-title", "class": "recovery" });
      box.appendChild(el("h1", { id: "weave-recovery-title" }, "Weave has stopped"));
      box.appendChild(el("p", {}, "Something went wrong, so Weave has stopped saving to keep your data safe. Everything saved before this moment is still stored in this browser."));
      var btn = el("button", { type: "button", "class": "btn primary", id: "weave-recovery-export" }, "Export everything now");
      btn.addEventListener("click", download);
      box.appendChild(btn);
      var reload = el("button", { type: "button", "class": "btn" }, "Reload Weave");
      reload.addEventListener("click", function () { location.reload(); });
      box.appendChild(reload);
      box.appendChild(el("p", { id: "weave-recovery-status", role: "status" }));
      var details = el("details", {});
      details.appendChild(el("summary", {}, "Technical details"));
      details.appendChild(el("pre", {}, String(message)));
      box.appendChild(details);
      document.body.appendChild(box);
      btn.focus();
    }
  };
})();
