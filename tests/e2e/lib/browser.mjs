// The Playground's web UI in Debian's headless Chromium, driven with playwright-core.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ARTIFACTS_DIR } from './processes.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(ARTIFACTS_DIR, 'screenshots');

export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (run.sh does)`);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'adebot-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60_000,
    viewport: { width: 1400, height: 1600 },
    // The page loads fonts and animations from a CDN; offline they fail and the page still works.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(30_000);
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, close };
}

/** A Markdown-free piece of a card's text that the rendered card will contain verbatim. */
export function visibleSnippet(text) {
  const cleaned = text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`#>\\]/g, '').split('\n').map((s) => s.trim()).find((s) => s.length >= 4);
  return cleaned?.slice(0, 40);
}

export class PlaygroundPage {
  constructor(page) {
    this.page = page;
  }

  static async open(context, url) {
    const page = context.pages()[0] ?? await context.newPage();
    // Loading the page is itself an install: the UI posts /_debug/conversation/<personal>/installation.
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const ui = new PlaygroundPage(page);
    await ui.textbox.waitFor({ timeout: 60_000 });
    return ui;
  }

  get textbox() {
    return this.page.getByRole('textbox');
  }

  async type(text) {
    await this.textbox.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** The last rendered Adaptive Card that contains `text`. */
  card(text) {
    return this.page.locator('.ac-adaptiveCard', { hasText: text }).last();
  }

  /**
   * The rendered part of the last card about `text` that holds a button `buttonTitle`: the innermost
   * container with both (a card that lists several tokens has one container per token), or the card.
   */
  async section(text, buttonTitle) {
    const card = this.card(text);
    await card.waitFor();
    const inner = card.locator('.ac-container')
      .filter({ hasText: text })
      .filter({ has: this.page.getByRole('button', { name: buttonTitle, exact: true }) });
    return (await inner.count()) > 0 ? inner.last() : card;
  }

  /** The position of the card that holds `locator` among all rendered cards (stable across an in-place update). */
  cardIndex(locator) {
    return locator.evaluate((el) => [...document.querySelectorAll('.ac-adaptiveCard')].indexOf(el.closest('.ac-adaptiveCard')));
  }

  cardAt(index) {
    return this.page.locator('.ac-adaptiveCard').nth(index);
  }

  // After an Action.Execute the UI swaps the card in place and adds this notice under it.
  static INVOKE_NOTICE = 'Your response was sent to the app';

  invokeNotices() {
    return this.page.getByText(PlaygroundPage.INVOKE_NOTICE).count();
  }

  async waitForInvokeNotice(before, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    while (await this.invokeNotices() <= before) {
      if (Date.now() > deadline) throw new Error(`the UI showed no new "${PlaygroundPage.INVOKE_NOTICE}" within ${timeoutMs} ms`);
      await this.page.waitForTimeout(200);
    }
  }

  async screenshot(name, locator) {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    if (locator) await locator.screenshot({ path: file });
    else await this.page.screenshot({ path: file });
    return file;
  }
}
