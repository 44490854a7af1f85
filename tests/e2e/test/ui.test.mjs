// The Playground's web UI in headless Chromium: type the health question, wait for the rendered cards,
// click "Check again", and keep screenshots in artifacts/screenshots/ (names in README.md).
// The UI always sends locale en-US, so Finnish and Ukrainian are asked for in words.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cardText, detectLanguage, executeActions } from '../lib/cards.mjs';
import { HEALTH_QUESTIONS, LANGUAGE_WORDS, LANGUAGES, VERBS, allCards, assertSampleHealthAnswer, tokenSection, hasAllTokenSections } from '../lib/adebot.mjs';
import { PlaygroundPage, launchBrowser, visibleSnippet } from '../lib/browser.mjs';
import { startStack } from '../lib/stack.mjs';

const TOKEN_NAME = 'Contoso ABM – Oulu';

describe('Playground web UI in headless Chromium', { timeout: 500_000 }, () => {
  let stack;
  let pg;
  let browser;
  let ui;

  before(async () => {
    stack = await startStack('ui');
    pg = stack.playground;
    browser = await launchBrowser();
    const since = pg.mark();
    ui = await PlaygroundPage.open(browser.context, stack.playgroundUrl);
    await pg.waitFor({ since, conversation: pg.conversations.personal, until: (m) => allCards(m).length > 0, what: 'the welcome after the page load' });
    await ui.card(visibleSnippet(cardText(allCards(pg.messages({ since }))[0]))).waitFor();
    await ui.screenshot('0-welcome');
  }, { timeout: 240_000 });
  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  for (const language of LANGUAGES) {
    it(`${language}: the typed question is answered with rendered cards, and "Check again" refreshes one`, { timeout: 90_000 }, async () => {
      const chat = pg.conversations.personal;
      const since = pg.mark();
      await ui.type(language === 'en' ? HEALTH_QUESTIONS.en : `${HEALTH_QUESTIONS[language]} ${LANGUAGE_WORDS[language]}`);
      const messages = await pg.waitFor({ since, conversation: chat, until: hasAllTokenSections, what: 'the health answer' });
      const { summary } = assertSampleHealthAnswer(messages, language);

      const renderedSummary = ui.card(visibleSnippet(cardText(summary)));
      await renderedSummary.waitFor();
      assert.equal(detectLanguage(await renderedSummary.innerText()), language, 'the rendered summary is in the asked language');
      await ui.screenshot(`${language}-1-summary-card`, renderedSummary);

      const [checkAgain] = executeActions(tokenSection(messages, 'oulu').section, VERBS.checkAgain);
      const renderedToken = await ui.section(TOKEN_NAME, checkAgain.title);
      await ui.screenshot(`${language}-2-token-card`, renderedToken);
      await ui.screenshot(`${language}-3-answer-page`);

      const cardIndex = await ui.cardIndex(renderedToken);
      const notices = await ui.invokeNotices();
      const invoked = ui.page.waitForResponse((r) => r.url().endsWith('/_conversation/v1/invoke'));
      await renderedToken.getByRole('button', { name: checkAgain.title, exact: true }).click();
      const response = await invoked;
      assert.equal(response.status(), 200, await response.text());
      const body = await response.json();
      assert.equal(detectLanguage(cardText(body.value)), language, 'the refreshed card is in the asked language');
      await ui.waitForInvokeNotice(notices);
      // The clicked card now shows the invoke response, in place.
      const refreshed = ui.cardAt(cardIndex);
      await refreshed.filter({ hasText: visibleSnippet(cardText(body.value)) }).waitFor();
      await ui.screenshot(`${language}-4-after-check-again`, refreshed);
    });
  }

  it('every card parsed in the adaptivecards renderer without errors or warnings', () => {
    assert.ok(pg.cardsChecked > 0);
    assert.deepEqual(pg.cardFailures.map((f) => `${f.where}: ${f.problems.join('; ')}`), []);
  });
});
