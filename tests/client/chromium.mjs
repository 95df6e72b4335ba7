// Headless Chromium over chromedriver for the client page's tests and benchmark, through the same
// dependency-free WebDriver client the desktop's e2e tests use (tests/e2e/webdriver.mjs). run.sh
// starts chromedriver and sets WEBDRIVER_URL.

import { Session, command } from '../e2e/webdriver.mjs';

export { Session, command };

/** Debian's Chromium; CHROMIUM_BINARY picks another. */
export const CHROMIUM = process.env.CHROMIUM_BINARY ?? '/usr/bin/chromium';

/**
 * A new headless Chromium whose viewport is `width`×`height` CSS pixels: a phone's (`phone`, a
 * mobile viewport) or a desktop's. `extraArgs` go on Chromium's command line.
 */
export async function chromium({ width = 390, height = 844, phone = true, extraArgs = [] } = {}) {
  const options = {
    binary: CHROMIUM,
    args: [
      '--headless=new',
      // Tests run as root in containers, where Chromium's sandbox cannot start.
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=ru-RU',
      `--window-size=${width},${height}`,
      ...extraArgs,
    ],
  };
  // The viewport is exactly width×height (a headless window's size would include its frame): a
  // phone's (mobile: true) or a desktop's. No touch emulation: with it chromedriver's clicks are
  // taps, and keys sent in the first milliseconds after a tap are dropped (no person types that fast,
  // but a test does).
  options.mobileEmulation = { deviceMetrics: { width, height, pixelRatio: 1, touch: false, mobile: phone } };
  return Session.create({
    browserName: 'chrome',
    'goog:chromeOptions': options,
    'goog:loggingPrefs': { browser: 'ALL' },
    // Leaving a page with an answer the server refused asks "leave the page?": accept it.
    unhandledPromptBehavior: 'accept',
  });
}

/** Opens `url` in the session. */
export function open(session, url) {
  return command('POST', `/session/${session.id}/url`, { url });
}

/** The browser's console since the last call (chromedriver's log endpoint): [{level, message}]. */
export async function consoleLog(session) {
  return command('POST', `/session/${session.id}/se/log`, { type: 'browser' }).catch(() => []);
}
