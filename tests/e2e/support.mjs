// What the end-to-end tests share: where the app, the CLI and the screenshots are, and the helpers
// every test drives the window with. Each test file holds its own session; `helpers(() => session)`
// binds these to whichever session is current (tests restart the app).

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { command } from './webdriver.mjs';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The app binary (run.sh sets E2E_APP), the CLI beside it, and where screenshots go. */
export const app = process.env.E2E_APP ?? join(repo, 'target/debug/deepbrief-desktop');
export const cli = process.env.E2E_CLI ?? join(dirname(app), 'deepbrief');
export const outDir = process.env.E2E_OUT_DIR ?? join(repo, 'target/e2e');

/** The settings file run.sh writes (a test person is named there), or null outside run.sh. */
export const settingsFile = process.env.XDG_DATA_HOME
  ? join(process.env.XDG_DATA_HOME, 'deepbrief', 'settings.json')
  : null;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Helpers over the current session (`current()` returns it). */
export function helpers(current) {
  /** Runs `body` (a function body) in the page with `args`. */
  const js = (body, ...args) => current().execute(body, args);
  const pageText = () => js('return document.body.innerText;');

  /** Polls `read` until `check` holds for its value; fails with `message` and the page text. */
  async function until(read, check, ms, message) {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await read();
      if (check(value)) return value;
      if (Date.now() > deadline) throw new Error(`${message}; page text:\n${await pageText()}`);
      await sleep(150);
    }
  }

  /** Clicks the first enabled `selector` inside `within` whose text contains `text`. */
  async function click(text, selector = 'button', within = 'body') {
    const ok = await js(
      `const root = document.querySelector(arguments[2]);
       const el = root && [...root.querySelectorAll(arguments[0])].find((e) => e.textContent.includes(arguments[1]) && !e.disabled);
       if (!el) return false; el.scrollIntoView({block: 'center'}); el.click(); return true;`,
      selector,
      text,
      within,
    );
    assert.ok(ok, `no enabled ${selector} with text "${text}" in ${within}`);
  }

  /** Waits (up to `ms`) until the interview's save state says "saved". */
  async function saved(ms = 10_000) {
    await until(
      () => js(`const s = document.querySelector('[data-testid="save-state"]'); return s ? s.innerText : '';`),
      (text) => text && /Сохранено|Saved/.test(text),
      ms,
      'the answer was not saved',
    );
  }

  /** A screenshot of the window as `outDir/NAME.png`. */
  async function shot(name) {
    await sleep(400);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, `${name}.png`), await current().screenshot());
  }

  /**
   * Screenshots at 1024×700 and 1920×1080 as `outDir/NAME-WxH.png`, after scrolling `scrollTo` (a
   * selector) into view; fails when the page scrolls sideways at either size.
   */
  async function shots(name, scrollTo = null) {
    mkdirSync(outDir, { recursive: true });
    for (const [width, height] of [
      [1024, 700],
      [1920, 1080],
    ]) {
      await command('POST', `/session/${current().id}/window/rect`, { width, height }).catch(() => {});
      await sleep(400);
      if (scrollTo) {
        await js(`document.querySelector(arguments[0])?.scrollIntoView({block: 'start'});`, scrollTo);
        await sleep(200);
      }
      const overflow = await js(
        `return document.documentElement.scrollWidth > window.innerWidth + 1 ? document.documentElement.scrollWidth : 0;`,
      );
      assert.equal(overflow, 0, `${name} at ${width}×${height} scrolls sideways`);
      writeFileSync(join(outDir, `${name}-${width}x${height}.png`), await current().screenshot());
    }
  }

  return { js, pageText, until, click, saved, shot, shots };
}
