// "Fix it with me" in a personal chat: from the expired Kyiv token's card, one step at a time to the
// end, "I'm stuck" on the way, and the verification answer (the sample tenant never changes, so
// Graph does not show the fix yet and "Check again" is offered).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADAPTIVE_CARD, cardText, executeActions } from '../lib/cards.mjs';
import { HEALTH_QUESTIONS, assertLanguage, hasAllTokenSections, tokenSection } from '../lib/adebot.mjs';
import { startStack } from '../lib/stack.mjs';

const STEP = { timeout: 60_000 };
const FIX = { start: 'fixStart', done: 'fixDone', stuck: 'fixStuck', back: 'fixBack', check: 'fixCheck', stop: 'fixStop' };

describe('guided fix (personal chat, en)', { timeout: 400_000 }, () => {
  let stack;
  let pg;
  let chat;
  let step;

  before(async () => {
    stack = await startStack('guidedfix');
    pg = stack.playground;
    chat = pg.conversations.personal;
    const since = pg.mark();
    await pg.install(chat);
    await pg.waitFor({ since, conversation: chat, what: 'the welcome card' });
  }, { timeout: 180_000 });
  after(async () => { await stack?.stop(); });

  /** Clicks an Action.Execute on a card that came back in an invoke response; returns the card replacing it. */
  async function click(message, verb) {
    const response = await pg.clickExecute(message, { verb });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.equal(response.body.type, ADAPTIVE_CARD, `invoke response to ${verb}: ${JSON.stringify(response.body).slice(0, 300)}`);
    return { ...message, cards: [response.body.value] };
  }

  it('"Fix it with me" on the expired token posts its first step, with Done, I\'m stuck and Stop', STEP, async () => {
    let since = pg.mark();
    await pg.send(HEALTH_QUESTIONS.en, { conversation: chat });
    const health = await pg.waitFor({ since, conversation: chat, until: hasAllTokenSections, what: 'the health answer' });
    const { message } = tokenSection(health, 'kyiv');
    since = pg.mark();
    const response = await pg.clickExecute(message, { verb: FIX.start });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const posted = await pg.waitFor({ since, conversation: chat, until: (m) => m.some((x) => x.cards.length > 0), what: 'the first step' });
    step = posted.find((m) => m.cards.length > 0);
    const text = cardText(step.cards[0]);
    assert.match(text, /Fix it with me: Contoso ABM – Kyiv/);
    assert.match(text, /Step 1 of 6/);
    for (const verb of [FIX.done, FIX.stuck, FIX.stop]) assert.equal(executeActions(step.cards[0], verb).length, 1, `one ${verb} button`);
    assertLanguage(step.cards, 'en', 'the step card');
  });

  it('"I\'m stuck" gives another likely cause and leads back to the same step', STEP, async () => {
    const stuck = await click(step, FIX.stuck);
    assert.match(cardText(stuck.cards[0]), /Another likely cause/);
    const back = await click(stuck, FIX.back);
    assert.match(cardText(back.cards[0]), /Step 1 of 6/);
    step = back;
  });

  it('Done walks every step once, then AdeBot reads Graph again and says the fix is not visible yet', STEP, async () => {
    const seen = [];
    let card = step;
    while (executeActions(card.cards[0], FIX.done).length === 1) {
      seen.push(cardText(card.cards[0]).match(/Step (\d) of 6/)?.[1]);
      card = await click(card, FIX.done);
    }
    assert.deepEqual(seen, ['1', '2', '3', '4', '5', '6']);
    const verification = cardText(card.cards[0]);
    assert.match(verification, /Not visible yet/);
    assert.match(verification, /Graph and Apple can lag/);
    assert.match(verification, /This conversation gets alerts/);
    assert.equal(executeActions(card.cards[0], FIX.check).length, 1, 'Check again is offered');
    // Within GuidedFix:VerificationIntervalSeconds of the last read: a short "try again shortly".
    const again = await pg.clickExecute(card, { verb: FIX.check });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    const answer = again.body.type === ADAPTIVE_CARD ? cardText(again.body.value) : String(again.body.value);
    assert.match(answer, /Not visible yet|Graph was read for this tenant a moment ago/);
  });

  it('every card parsed in the adaptivecards renderer without errors or warnings', () => {
    assert.ok(pg.cardsChecked > 0, 'some cards were checked');
    assert.deepEqual(pg.cardFailures.map((f) => `${f.where}: ${f.problems.join('; ')}`), []);
  });
});
