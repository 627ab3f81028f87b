/* Weave embed script for partner websites. Copy-paste:
 *
 *   <div id="weave"></div>
 *   <script src="https://weave.example.org/app/embed.js"
 *           data-weave-target="#weave" data-event="events/fair.weave"
 *           data-mode="capture" data-lang="en" data-accent="#1f6f78"></script>
 *
 * or from your own script: Weave.mount(element, { event, mode, lang, colours,
 * onReady, onFinished, onHeight }). The frame talks only to this page's
 * origin, which must be listed in embed.json next to Weave's index.html.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = new URL(".", script ? script.src : location.href);
  var weaveOrigin = base.origin;
  var COLOURS = ["accent", "background", "surface", "ink"];

  function frameUrl(options) {
    var q = new URLSearchParams();
    q.set("mode", options.mode === "sociogram" ? "sociogram" : "capture");
    if (options.lang) q.set("lang", options.lang);
    if (typeof options.event === "string" && options.event.indexOf("WV1/E/") < 0) q.set("event", options.event);
    var colours = options.colours || {};
    COLOURS.forEach(function (c) { if (colours[c]) q.set(c, String(colours[c]).replace(/^#/, "")); });
    q.set("host", location.origin);
    return new URL("index.html#/embed?" + q.toString(), base).href;
  }

  function mount(element, options) {
    if (typeof element === "string") element = document.querySelector(element);
    if (!element) throw new Error("Weave.mount: no element to mount into");
    options = options || {};
    var frame = document.createElement("iframe");
    frame.src = frameUrl(options);
    frame.title = options.title || "Weave: draw who you know and where you go";
    frame.setAttribute("allow", "camera; fullscreen");
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.minHeight = (options.minHeight || 560) + "px";
    frame.style.display = "block";
    element.appendChild(frame);

    function post(type, data) {
      var message = Object.assign({ type: type }, data || {});
      if (frame.contentWindow) frame.contentWindow.postMessage(message, weaveOrigin);
    }
    function emit(name, detail) {
      element.dispatchEvent(new CustomEvent(name, { detail: detail, bubbles: true }));
    }
    function onMessage(event) {
      // Only Weave's own frame, from Weave's own origin.
      if (event.origin !== weaveOrigin || event.source !== frame.contentWindow) return;
      var data = event.data || {};
      if (data.type === "weave:ready") {
        if (typeof options.event === "string" && options.event.indexOf("WV1/E/") >= 0) post("weave:event", { event: options.event });
        if (options.onReady) options.onReady(data);
        emit("weave:ready", data);
      } else if (data.type === "weave:height" && typeof data.height === "number") {
        frame.style.height = Math.max(data.height, 200) + "px";
        if (options.onHeight) options.onHeight(data.height);
      } else if (data.type === "weave:finished") {
        if (options.onFinished) options.onFinished(data);
        emit("weave:finished", data);
      }
    }
    window.addEventListener("message", onMessage);
    return {
      frame: frame,
      reset: function () { post("weave:reset"); },
      setLanguage: function (lang) { post("weave:language", { lang: lang }); },
      destroy: function () { window.removeEventListener("message", onMessage); frame.remove(); },
    };
  }

  window.Weave = { mount: mount };

  if (script && script.dataset.weaveTarget) {
    var d = script.dataset, colours = {};
    COLOURS.forEach(function (c) { if (d[c]) colours[c] = d[c]; });
    var start = function () {
      window.Weave.instance = mount(d.weaveTarget, { event: d.event, mode: d.mode, lang: d.lang, colours: colours, title: d.title });
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }
})();
