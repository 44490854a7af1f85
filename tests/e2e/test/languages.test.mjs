// Finnish and Ukrainian: from the client's locale (personal chat) and chosen in words and remembered
// (group chat, @mention). The Playground puts locale en-US on every activity it makes itself, so
// localized activities are sent through its customActivities API (see README.md).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADAPTIVE_CARD, cardText } from '../lib/cards.mjs';
import {
  HEALTH_QUESTIONS, LANGUAGE_WORDS, LOCALES, VERBS, allCards, assertLanguage, assertSampleHealthAnswer, isTokenCard,
  tokenSection, hasAllTokenSections,
} from '../lib/adebot.mjs';
import { startStack } from '../lib/stack.mjs';

const STEP = { timeout: 60_000 };

describe('languages', { timeout: 500_000 }, () => {
  let stack;
  let pg;

  before(async () => {
    stack = await startStack('languages');
    pg = stack.playground;
  }, { timeout: 180_000 });
  after(async () => { await stack?.stop(); });

  describe('from the client locale (personal chat)', () => {
    it('an install from a fi-FI client is welcomed in Finnish', STEP, async () => {
      const chat = pg.conversations.personal;
      const since = pg.mark();
      await pg.install(chat, { locale: LOCALES.fi });
      const messages = await pg.waitFor({ since, conversation: chat, until: (m) => allCards(m).length > 0, what: 'a welcome card' });
      const welcomes = allCards(messages);
      assert.ok(!welcomes.some(isTokenCard));
      assert.match(cardText(welcomes[0]), /ADE|DEP/);
      // Teams sends conversationUpdate (without a locale) beside installationUpdate: no welcome may be English.
      welcomes.forEach((welcome, i) => assertLanguage([welcome], 'fi', `welcome card ${i + 1} of ${welcomes.length}`));
    });

    for (const language of ['fi', 'uk']) {
      it(`the ${language} health question from a ${LOCALES[language]} client gets the sample answer in ${language}`, STEP, async () => {
        const chat = pg.conversations.personal;
        const since = pg.mark();
        await pg.send(HEALTH_QUESTIONS[language], { conversation: chat, locale: LOCALES[language] });
        const messages = await pg.waitFor({ since, conversation: chat, until: hasAllTokenSections, what: 'the health answer' });
        assertSampleHealthAnswer(messages, language);
      });
    }
  });

  describe('chosen in words and remembered for the conversation (group chat, @mention)', () => {
    let group;
    let finnish;

    before(async () => {
      group = pg.conversations.group;
      const since = pg.mark();
      await pg.install(group);
      await pg.waitFor({ since, conversation: group, until: (m) => allCards(m).length > 0, what: 'the group welcome' });
    }, { timeout: 60_000 });

    it(`"${HEALTH_QUESTIONS.fi} ${LANGUAGE_WORDS.fi}" from an en-US client is answered in Finnish`, STEP, async () => {
      const since = pg.mark();
      await pg.send(`${HEALTH_QUESTIONS.fi} ${LANGUAGE_WORDS.fi}`, { conversation: group, mention: true });
      const messages = await pg.waitFor({ since, conversation: group, until: hasAllTokenSections, what: 'the health answer' });
      finnish = { messages, ...assertSampleHealthAnswer(messages, 'fi') };
    });

    it('"Check again" (an en-US invoke) still answers in the remembered Finnish', STEP, async () => {
      assert.ok(finnish, 'needs the Finnish answer');
      const response = await pg.clickExecute(tokenSection(finnish.messages, 'lviv').message, { verb: VERBS.checkAgain });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      assert.equal(response.body.type, ADAPTIVE_CARD);
      assertLanguage([response.body.value], 'fi', 'the refreshed card');
    });

    it('an English question from the en-US client keeps the remembered Finnish', STEP, async () => {
      const since = pg.mark();
      await pg.send(HEALTH_QUESTIONS.en, { conversation: group, mention: true });
      const messages = await pg.waitFor({ since, conversation: group, until: hasAllTokenSections, what: 'the health answer' });
      assertSampleHealthAnswer(messages, 'fi');
    });

    it(`"${LANGUAGE_WORDS.uk}" switches to Ukrainian, "${LANGUAGE_WORDS.en}" back to English`, STEP, async () => {
      for (const language of ['uk', 'en']) {
        const since = pg.mark();
        await pg.send(`${HEALTH_QUESTIONS[language]} ${LANGUAGE_WORDS[language]}`, { conversation: group, mention: true });
        const messages = await pg.waitFor({ since, conversation: group, until: hasAllTokenSections, what: `the ${language} health answer` });
        assertSampleHealthAnswer(messages, language);
        const response = await pg.clickExecute(tokenSection(messages, 'turku').message, { verb: VERBS.checkAgain });
        assert.equal(response.status, 200, JSON.stringify(response.body));
        assertLanguage([response.body.value], language, `the refreshed card after "${LANGUAGE_WORDS[language]}"`);
      }
    });
  });

  it('every card parsed in the adaptivecards renderer without errors or warnings', () => {
    assert.ok(pg.cardsChecked > 0);
    assert.deepEqual(pg.cardFailures.map((f) => `${f.where}: ${f.problems.join('; ')}`), []);
  });
});
