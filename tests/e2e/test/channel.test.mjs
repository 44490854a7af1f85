// A team channel: the bot hears only @mentions, every new post is its own thread
// (`<channel>;messageid=<root>`), and the bot answers in that thread.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADAPTIVE_CARD, cardText } from '../lib/cards.mjs';
import {
  HEALTH_QUESTIONS, LANGUAGES, LOCALES, VERBS, allCards, assertLanguage, assertRefreshedHealth, assertSampleHealthAnswer, isTokenCard,
  tokenSection, hasAllTokenSections,
} from '../lib/adebot.mjs';
import { startStack } from '../lib/stack.mjs';

const STEP = { timeout: 60_000 };

describe('team channel with @mention', { timeout: 400_000 }, () => {
  let stack;
  let pg;
  let channel;
  const answers = {};

  before(async () => {
    stack = await startStack('channel');
    pg = stack.playground;
    channel = pg.conversations.channel;
  }, { timeout: 180_000 });
  after(async () => { await stack?.stop(); });

  it('adding the app to the team posts a welcome card in the channel', STEP, async () => {
    const since = pg.mark();
    await pg.install(channel);
    const messages = await pg.waitFor({ since, conversation: channel, until: (m) => allCards(m).length > 0, what: 'a welcome card' });
    const [welcome] = allCards(messages);
    assert.ok(!isTokenCard(welcome));
    assert.match(cardText(welcome), /ADE|DEP/);
    assertLanguage([welcome], 'en', 'the welcome');
  });

  it('an install from a uk-UA client in the General channel is welcomed in Ukrainian', STEP, async () => {
    const general = pg.conversations.general;
    const since = pg.mark();
    await pg.install(general, { locale: LOCALES.uk });
    const messages = await pg.waitFor({ since, conversation: general, until: (m) => allCards(m).length > 0, what: 'a welcome card' });
    const [welcome] = allCards(messages);
    assert.ok(!isTokenCard(welcome));
    assert.match(cardText(welcome), /ADE|DEP/);
    assertLanguage([welcome], 'uk', 'the welcome');
  });

  for (const language of LANGUAGES) {
    it(`an @mention with the ${language} health question (${LOCALES[language]} client) is answered in its thread`, STEP, async () => {
      const since = pg.mark();
      const { conversation: thread } = await pg.send(HEALTH_QUESTIONS[language], { conversation: channel, mention: true, locale: LOCALES[language] });
      assert.match(thread, /;messageid=/);
      const messages = await pg.waitFor({ since, conversation: thread, until: hasAllTokenSections, what: 'the health answer' });
      answers[language] = { thread, messages, ...assertSampleHealthAnswer(messages, language) };
      const elsewhere = pg.messages({ since, conversation: channel }).filter((m) => m.conversation !== thread);
      assert.deepEqual(elsewhere.map((m) => m.conversation), [], 'nothing is posted outside the thread');
    });
  }

  it('"Check again" (Action.Execute) in the thread returns the refreshed card', STEP, async () => {
    assert.ok(answers.en, 'needs the English answer');
    const since = pg.mark();
    const response = await pg.clickExecute(tokenSection(answers.en.messages, 'vantaa').message, { verb: VERBS.checkAgain });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.equal(response.body.type, ADAPTIVE_CARD);
    assertLanguage([response.body.value], 'en', 'the refreshed card');
    await pg.quiet({ forMs: 1500 });
    assert.deepEqual(pg.messages({ since, conversation: channel }).map((m) => m.summaryLine), [], 'the answer is the invoke response, not new messages');
  });

  it('the Action.Submit fallback in the thread replies or updates there', STEP, async () => {
    const { thread, messages } = answers.en;
    const since = pg.mark();
    const { message } = tokenSection(messages, 'vpp-schools');
    await pg.clickSubmit(message, { verb: VERBS.checkAgain });
    const answer = await pg.waitFor({ since, conversation: thread, updates: true, until: (m) => allCards(m).length > 0, what: 'the submit answer' });
    assert.ok(answer.every((m) => m.conversation === thread), 'the answer stays in the thread');
    assertRefreshedHealth(answer, message, 'en');
  });

  it('every card parsed in the adaptivecards renderer without errors or warnings', () => {
    assert.ok(pg.cardsChecked > 0);
    assert.deepEqual(pg.cardFailures.map((f) => `${f.where}: ${f.problems.join('; ')}`), []);
  });
});
