import { serve, launch, open, text, PHONE } from "./harness.mjs";
import { cameraArgs } from "./camera.mjs";
const srv = await serve();
const b = await launch(null, { ...PHONE, args: cameraArgs("/tmp/weave-handover-JzQjKV/event.y4m") });
const p = await b.context.newPage();
p.on("console", (m) => console.log("console:", m.text()));
await open(p, srv.url, "#/join");
await p.click("[data-testid=cam-start]");
for (let i = 0; i < 6; i++) {
  await p.waitForTimeout(4000);
  console.log(await p.evaluate(() => document.querySelector(".scan-status")?.innerText));
  console.log(await p.evaluate(() => { const v = document.querySelector("video"); return [v.videoWidth, v.videoHeight]; }));
}
await b.context.close(); await srv.close();
