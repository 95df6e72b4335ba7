// A minimal W3C WebDriver client over Node's built-in fetch: just what the end-to-end tests use.
// tauri-driver speaks this protocol and proxies it to WebKitWebDriver, which drives the app's webview;
// chromedriver speaks it too (tests/client drives headless Chromium with it).

/** The WebDriver server (tauri-driver, or chromedriver for tests/client); run.sh sets WEBDRIVER_URL. */
export const WEBDRIVER_URL = process.env.WEBDRIVER_URL ?? 'http://127.0.0.1:4444';

/** A WebDriver error answer, with the server's error code and message. */
export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    super(
      `${method} ${path} -> HTTP ${status}: ${value?.error ?? 'error'}: ${value?.message ?? JSON.stringify(value)}`,
    );
    this.name = 'WebDriverError';
    this.status = status;
    this.code = value?.error;
  }
}

/** Sends one command and returns its `value`; throws a WebDriverError on an error answer. */
export async function command(method, path, body, timeoutMs = 60_000) {
  const response = await fetch(`${WEBDRIVER_URL}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new WebDriverError(method, path, response.status, { message: text.slice(0, 500) });
  }
  if (!response.ok || (parsed?.value && typeof parsed.value === 'object' && 'error' in parsed.value)) {
    throw new WebDriverError(method, path, response.status, parsed?.value);
  }
  return parsed.value;
}

/** A session with the app: starting it launches the app's window. */
export class Session {
  /** Starts the application binary at `application` (an absolute path) with command-line `args`. */
  static start(application, args = []) {
    return Session.create({ browserName: 'wry', 'tauri:options': { application, args } });
  }

  /**
   * Starts a session with any W3C `capabilities` (`alwaysMatch`): tests/client drives headless
   * Chromium through chromedriver with `{browserName: 'chrome', 'goog:chromeOptions': …}`.
   */
  static async create(capabilities) {
    const value = await command('POST', '/session', { capabilities: { alwaysMatch: capabilities } }, 120_000);
    return new Session(value.sessionId);
  }

  constructor(id) {
    this.id = id;
  }

  /** Runs `script` (a function body) in the page and returns its result. */
  execute(script, args = []) {
    return command('POST', `/session/${this.id}/execute/sync`, { script, args });
  }

  /** The first element matching a CSS selector, as a WebDriver element reference. */
  async find(selector) {
    const value = await command('POST', `/session/${this.id}/element`, {
      using: 'css selector',
      value: selector,
    });
    return Object.values(value)[0];
  }

  /** Every element matching a CSS selector, as WebDriver element references. */
  async findAll(selector) {
    const values = await command('POST', `/session/${this.id}/elements`, {
      using: 'css selector',
      value: selector,
    });
    return values.map((v) => Object.values(v)[0]);
  }

  /**
   * Waits until an element matching `selector` exists (and, by default, is displayed) and returns
   * it; throws with the page text after `timeoutMs`.
   */
  async waitFor(selector, { timeoutMs = 15_000, visible = true } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await this.findAll(selector);
      for (const element of found) {
        if (!visible || (await this.displayed(element))) return element;
      }
      if (Date.now() > deadline) {
        const text = await this.execute('return document.body ? document.body.innerText : ""');
        throw new Error(`no ${visible ? 'visible ' : ''}element matches ${selector} after ${timeoutMs} ms; page text:\n${text}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Waits until `predicate` (a page script returning a truthy value) holds; returns its value. */
  async waitUntil(script, { timeoutMs = 15_000, message = script } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await this.execute(script);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${message}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Whether the element is displayed. */
  displayed(element) {
    return command('GET', `/session/${this.id}/element/${element}/displayed`);
  }

  /** Clicks the element. */
  click(element) {
    return command('POST', `/session/${this.id}/element/${element}/click`, {});
  }

  /** Clears an input or textarea. */
  clear(element) {
    return command('POST', `/session/${this.id}/element/${element}/clear`, {});
  }

  /** Types `text` into the element (WebDriver key codes such as '\uE007' for Enter work too). */
  type(element, text) {
    return command('POST', `/session/${this.id}/element/${element}/value`, { text });
  }

  /** An element's property (`value`, `checked`, …). */
  property(element, name) {
    return command('GET', `/session/${this.id}/element/${element}/property/${name}`);
  }

  /** The rendered text of an element. */
  text(element) {
    return command('GET', `/session/${this.id}/element/${element}/text`);
  }

  /**
   * A screenshot of the window as PNG bytes.
   *
   * WebKitWebDriver answers a screenshot after the page's next paint. The app turns WebKitGTK's
   * accelerated compositing off (src-tauri/src/webview.rs), and without it a page at rest — no
   * caret blinking, nothing changing — never paints again, so the command would wait forever. A
   * 1-pixel, nearly transparent dot in the corner changes shade every 50 ms while the screenshot
   * is taken, and is removed afterwards.
   */
  async screenshot() {
    await this.execute(`
      let dot = document.getElementById('e2e-paint-tick');
      if (!dot) {
        dot = document.createElement('div');
        dot.id = 'e2e-paint-tick';
        dot.style.cssText =
          'position:fixed;left:0;bottom:0;width:1px;height:1px;pointer-events:none;z-index:2147483647';
        document.documentElement.appendChild(dot);
      }
      let n = 0;
      clearInterval(window.e2ePaintTick);
      window.e2ePaintTick = setInterval(() => {
        dot.style.background = n++ % 2 ? 'rgba(0,0,0,0.01)' : 'rgba(0,0,0,0.02)';
        if (n > 400) {
          clearInterval(window.e2ePaintTick);
          dot.remove();
        }
      }, 50);
    `);
    try {
      const base64 = await command('GET', `/session/${this.id}/screenshot`);
      return Buffer.from(base64, 'base64');
    } finally {
      await this.execute(
        `clearInterval(window.e2ePaintTick); document.getElementById('e2e-paint-tick')?.remove();`,
      ).catch(() => {});
    }
  }

  /** Ends the session, which closes the app. */
  delete() {
    return command('DELETE', `/session/${this.id}`, undefined, 30_000);
  }
}
