// Device questions in a personal chat: a serial from the sample tenant gets the device
// card, and "Check again" on it answers the invoke with the same device's card, refreshed in place.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADAPTIVE_CARD, cardText, executeActions, submitFallbackOf } from '../lib/cards.mjs';
import { LOCALES, VERBS, allCards, assertLanguage, isTokenCard, replyText } from '../lib/adebot.mjs';
import { startStack } from '../lib/stack.mjs';

const STEP = { timeout: 60_000 };

/** Sample serials (src/AdeBot.Inventory/Sample/SampleDevices.cs) and what the card says about them. */
const FAILED = { serial: 'DMPXK2ABCD18', verdict: /ADE enrollment failed/ };
const NO_PROFILE = { serial: 'F17ZK3NPRF01', verdict: /Ei rekisteröintiprofiilia/ };

const deviceCard = (serial) => (messages) => allCards(messages).some((c) => cardText(c).includes(serial));

describe('device questions (personal chat)', { timeout: 300_000 }, () => {
  let stack;
  let pg;
  let chat;
  let answer;

  before(async () => {
    stack = await startStack('devices');
    pg = stack.playground;
    chat = pg.conversations.personal;
  }, { timeout: 180_000 });
  after(async () => { await stack?.stop(); });

  it(`"why isn't ${FAILED.serial} enrolling?" gets the device card with its verdict and a Check again`, STEP, async () => {
    const since = pg.mark();
    await pg.send(`why isn't ${FAILED.serial} enrolling?`, { conversation: chat });
    answer = await pg.waitFor({ since, conversation: chat, until: deviceCard(FAILED.serial), what: 'the device card' });
    const [card] = allCards(answer);
    const text = cardText(card);
    assert.match(text, new RegExp(`Device ${FAILED.serial}`));
    assert.match(text, FAILED.verdict);
    // The serial is also in the expired Kyiv token: its problems come first.
    assert.ok(text.indexOf('Fix these first') < text.indexOf('ADE record'), 'the blockers come before the facts');
    assert.match(text, /Contoso ABM – Kyiv/);
    assert.ok(!isTokenCard(card), 'a device card is not a token card');
    const [checkAgain] = executeActions(card, VERBS.checkAgain);
    assert.ok(checkAgain, 'the card has an Action.Execute "checkAgain"');
    assert.equal(checkAgain.data?.view, 'device');
    assert.equal(checkAgain.data?.serial, FAILED.serial);
    assert.equal(submitFallbackOf(checkAgain)?.data?.verb, VERBS.checkAgain, 'with an Action.Submit fallback');
    assertLanguage([card], 'en', 'the device card');
    assert.ok(pg.typing({ since, conversation: chat }).length > 0, 'a typing indicator while Graph is read');
  });

  it('"Check again" on the device card returns the same device card in the invoke response', STEP, async () => {
    assert.ok(answer, 'needs the device card');
    const message = answer.find((m) => m.cards.length > 0);
    const since = pg.mark();
    const response = await pg.clickExecute(message, { verb: VERBS.checkAgain });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.equal(response.body.type, ADAPTIVE_CARD, `invoke response type: ${JSON.stringify(response.body).slice(0, 300)}`);
    const refreshed = cardText(response.body.value);
    assert.match(refreshed, new RegExp(`Device ${FAILED.serial}`));
    assert.match(refreshed, FAILED.verdict);
    assert.ok(executeActions(response.body.value, VERBS.checkAgain).length > 0, 'it can be checked again');
    await pg.quiet({ forMs: 1500 });
    assert.deepEqual(pg.messages({ since, conversation: chat }).map((m) => m.summaryLine), [], 'the answer is the invoke response, not new messages');
  });

  it('a device question without a serial asks for one, and the next message with a serial answers it', STEP, async () => {
    let since = pg.mark();
    await pg.send("why isn't my iPad enrolling?", { conversation: chat });
    const asked = await pg.waitFor({ since, conversation: chat, what: 'the question back' });
    assert.match(replyText(asked), /Which device\?/);
    since = pg.mark();
    await pg.send(`it's ${FAILED.serial.toLowerCase()}`, { conversation: chat });
    await pg.waitFor({ since, conversation: chat, until: deviceCard(FAILED.serial), what: 'the device card' });
  });

  it(`a Finnish question from a fi-FI client gets a Finnish device card`, STEP, async () => {
    const since = pg.mark();
    await pg.send(`miksi ${NO_PROFILE.serial} ei rekisteröidy?`, { conversation: chat, locale: LOCALES.fi });
    const messages = await pg.waitFor({ since, conversation: chat, until: deviceCard(NO_PROFILE.serial), what: 'the Finnish device card' });
    const [card] = allCards(messages);
    assert.match(cardText(card), NO_PROFILE.verdict);
    assertLanguage([card], 'fi', 'the Finnish device card');
  });

  it('every card parsed in the adaptivecards renderer without errors or warnings', () => {
    assert.ok(pg.cardsChecked > 0, 'some cards were checked');
    assert.deepEqual(pg.cardFailures.map((f) => `${f.where}: ${f.problems.join('; ')}`), []);
  });
});
