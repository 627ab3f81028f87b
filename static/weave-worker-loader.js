// Starts the Weave web worker (src/bin/weave-worker.rs): loads its
// wasm-bindgen glue, then its wasm. A file of its own rather than a blob: or
// inline script, so the page's CSP (worker-src 'self') allows it.
importScripts("./weave-worker.js");
wasm_bindgen({ module_or_path: "./weave-worker_bg.wasm" });
