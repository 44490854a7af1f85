// Personal chat in English, through the Playground's own client API (what its web UI calls).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADAPTIVE_CARD, cardText, executeActions, submitFallbackOf, verbsOf } from '../lib/cards.mjs';
import {
  HEALTH_QUESTIONS, VERBS, allCards, assertLanguage, assertRefreshedHealth, assertSampleHealthAnswer, isTokenCard, replyText, sampleTokensIn, sectionTokenKeys, tokenSection,
  hasAllTokenSections,
} from '../lib/adebot.mjs';
import { startStack } from '../lib/stack.mjs';

const STEP = { timeout: 60_000 };

describe('personal chat (en)', { timeout: 400_000 }, () => {
  let stack;
  let pg;
  let chat;
  let health;

  before(async () => {
    stack = await startStack('personal');
    pg = stack.playground;
    chat = pg.conversations.personal;
  }, { timeout: 180_000 });
  after(async () => { await stack?.stop(); });

  it('installing the app sends a welcome card that says what is watched and offers (un)subscribe', STEP, async () => {
    const since = pg.mark();
    await pg.install(chat);
    const messages = await pg.waitFor({ since, conversation: chat, until: (m) => allCards(m).length > 0, what: 'a welcome card' });
    const cards = allCards(messages);
    const [welcome] = cards;
    assert.ok(!isTokenCard(welcome), 'the welcome is not a health card');
    assert.match(cardText(welcome), /ADE|DEP/);
    const verbs = verbsOf(welcome);
    assert.ok(verbs.has(VERBS.unsubscribe) || verbs.has(VERBS.subscribe), `welcome buttons: ${[...verbs]}`);
    assertLanguage([welcome], 'en', 'the welcome');
    // Teams (and the Playground) announce an install twice: installationUpdate and conversationUpdate.
    assert.equal(cards.length, 1, `exactly one welcome card, got ${cards.length}`);
  });

  it('"are my ADE tokens healthy?" gets a summary card, then every failing sample token with kind and buttons', STEP, async () => {
    const since = pg.mark();
    await pg.send(HEALTH_QUESTIONS.en, { conversation: chat });
    const messages = await pg.waitFor({ since, conversation: chat, until: hasAllTokenSections, what: 'the health answer' });
    health = { messages, ...assertSampleHealthAnswer(messages, 'en') };
    assert.ok(pg.typing({ since, conversation: chat }).length > 0, 'a typing indicator while the tokens are read');
  });

  it('"Check again" (Action.Execute) returns the refreshed card in the invoke response', STEP, async () => {
    assert.ok(health, 'needs the health answer');
    const { message, card } = tokenSection(health.messages, 'oulu');
    const since = pg.mark();
    const response = await pg.clickExecute(message, { verb: VERBS.checkAgain });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.equal(response.body.type, ADAPTIVE_CARD, `invoke response type: ${JSON.stringify(response.body).slice(0, 300)}`);
    const refreshed = response.body.value;
    assert.deepEqual(sectionTokenKeys(refreshed).sort(), sectionTokenKeys(card).sort(), 'the refreshed card is about the same tokens as the clicked one');
    assert.ok(executeActions(refreshed, VERBS.checkAgain).length > 0, 'it can be checked again');
    assertLanguage([refreshed], 'en', 'the refreshed card');
    await pg.quiet({ forMs: 1500 });
    assert.deepEqual(pg.messages({ since, conversation: chat }).map((m) => m.summaryLine), [], 'the answer is the invoke response, not new messages');
  });

  it('"Details" (Action.Execute) answers with a card about that token', STEP, async () => {
    const message = tokenSection(health.messages, 'turku').message;
    const since = pg.mark();
    const response = await pg.clickExecute(message, { verb: VERBS.details });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const cards = response.body.type === ADAPTIVE_CARD ? [response.body.value]
      : allCards(await pg.waitFor({ since, conversation: chat, updates: true, until: (m) => allCards(m).length > 0, what: 'details' }));
    assert.ok(cards.some((c) => sampleTokensIn(cardText(c)).failing.includes('turku')), 'the details name the Turku token');
  });

  it('the Action.Submit fallback of "Check again" (a message with value) replies or updates the card', STEP, async () => {
    const { message, section } = tokenSection(health.messages, 'kyiv');
    const execute = executeActions(section, VERBS.checkAgain)[0];
    const fallback = submitFallbackOf(execute);
    assert.ok(fallback, 'the Action.Execute has an Action.Submit fallback');
    assert.equal(fallback.data?.verb, VERBS.checkAgain, 'the fallback carries data.verb');
    const since = pg.mark();
    await pg.clickSubmit(message, { verb: VERBS.checkAgain });
    const answer = await pg.waitFor({ since, conversation: chat, updates: true, until: (m) => allCards(m).length > 0, what: 'the submit answer' });
    assertRefreshedHealth(answer, message, 'en');
  });

  it('"unsubscribe" and "subscribe" are confirmed, without a health card', STEP, async () => {
    for (const command of ['unsubscribe', 'subscribe']) {
      const since = pg.mark();
      await pg.send(command, { conversation: chat });
      const reply = await pg.waitFor({ since, conversation: chat, what: `the reply to "${command}"` });
      assert.ok(!allCards(reply).some(isTokenCard), `"${command}" got a health card`);
      assertLanguage(replyText(reply), 'en', `the reply to "${command}"`);
    }
  });

  it('"help" and unrelated chatter get a short reply, never a health card', STEP, async () => {
    for (const text of ['help', 'what is the weather like in Oulu tomorrow?']) {
      const since = pg.mark();
      await pg.send(text, { conversation: chat });
      const reply = await pg.waitFor({ since, conversation: chat, what: `the reply to "${text}"` });
      assert.ok(!allCards(reply).some(isTokenCard), `"${text}" got a health card`);
    }
  });

  it('every card parsed in the adaptivecards renderer without errors or warnings', () => {
    assert.ok(pg.cardsChecked > 0, 'some cards were checked');
    assert.deepEqual(pg.cardFailures.map((f) => `${f.where}: ${f.problems.join('; ')}`), []);
  });
});
