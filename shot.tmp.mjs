import { serve, launch, open, KIOSK } from "./tests/e2e/harness.mjs";
const srv = await serve();
const { context } = await launch(null, KIOSK);
const page = await context.newPage();
page.on("console", (m) => console.log("console", m.type(), m.text()));
page.on("pageerror", (e) => console.log("pageerror", String(e)));
for (const [name, hash] of [["webgl", "#/playback"], ["canvas", "#/playback?renderer=canvas2d"]]) {
  await open(page, srv.url, hash);
  await page.waitForSelector("[data-testid=sociogram][data-frames]");
  await page.waitForTimeout(5000);
  console.log(name, await page.$eval("[data-testid=sociogram]", (c) => JSON.stringify(c.dataset)));
  await page.screenshot({ path: `/tmp/pb-${name}.png` });
}
await context.close(); await srv.close();
