// What AdeBot is expected to say, as far as it can be known without guessing its wording: the
// phrases the product promises (README), the card action conventions, and the built-in sample tenant.
import assert from 'node:assert/strict';
import { actionsOf, cardText, detectLanguage, executeActions, verbsOf } from './cards.mjs';

export const LANGUAGES = ['en', 'fi', 'uk'];
export const LOCALES = { en: 'en-US', fi: 'fi-FI', uk: 'uk-UA' };
export const HEALTH_QUESTIONS = {
  en: 'are my ADE tokens healthy?',
  fi: 'onko DEP-tunnukset kunnossa?',
  uk: 'чи все гаразд з маркерами ADE?',
};
/** Words that switch the conversation's language and are remembered. */
export const LANGUAGE_WORDS = { en: 'in English', fi: 'suomeksi', uk: 'українською' };

export const VERBS = {
  checkAgain: 'checkAgain', details: 'details', showMore: 'showMore', snooze: 'snooze',
  subscribe: 'subscribe', unsubscribe: 'unsubscribe', help: 'help',
};

/**
 * The sample tenant's tokens (src/AdeBot.Inventory/Sample/SampleTenant.cs) with the problem that
 * makes each fail under the default health rules (warn 30 days / 24 h, critical 7 days / 72 h).
 * A token is recognized on a card by its name or, where Graph gives it no name, its Apple ID.
 */
export const SAMPLE_FAILING = [
  { key: 'tampere', kind: 'ABM', problem: 'expires in ~20 days', match: /Contoso ABM – Tampere/ },
  { key: 'oulu', kind: 'ABM', problem: 'expires in ~3 days', match: /Contoso ABM – Oulu|oulu-it@contoso\.example/ },
  { key: 'kyiv', kind: 'ABM', problem: 'expired 12 days ago', match: /Contoso ABM – Kyiv|kyiv-it@contoso\.example/ },
  { key: 'lviv', kind: 'ABM', problem: 'sync error code 7', match: /Contoso ABM – Lviv|lviv-it@contoso\.example/ },
  { key: 'turku', kind: 'ABM', problem: 'sync error code 3 (terms not accepted)', match: /Contoso ABM – Turku|turku-it@contoso\.example/ },
  { key: 'vantaa', kind: 'ABM', problem: 'last sync 4 days ago', match: /Contoso ABM – Vantaa|vantaa-it@contoso\.example/ },
  { key: 'apns', kind: 'APNs', problem: 'expires in ~25 days', match: /mdm-push@contoso\.example|\bAPNs\b/ },
  { key: 'vpp-schools', kind: 'VPP', problem: 'state invalid', match: /vpp-schools@schools\.contoso\.example|Contoso Schools(?! ASM)/ },
];
export const SAMPLE_HEALTHY = [
  { key: 'helsinki', match: /Contoso ABM – Helsinki/ },
  { key: 'espoo', match: /Contoso Schools ASM – Espoo|asm-admin@schools\.contoso\.example/ },
  { key: 'vpp-contoso-oy', match: /vpp-helsinki@contoso\.example|Contoso Oy/ },
];

const plain = (text) => text.replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');

export const allCards = (messages) => messages.flatMap((m) => m.cards);
export const replyText = (messages) => messages.map((m) => [m.text, ...m.cards.map(cardText)].join('\n')).join('\n');

/** A card, or part of one, about failing tokens carries a "Details" button per token. */
export const isTokenCard = (card) => verbsOf(card).has(VERBS.details);

const detailsCount = (node) => actionsOf(node).filter((a) => (a.verb ?? a.data?.verb) === VERBS.details).length;

/**
 * The parts of a card that each describe one token: the outermost element (the card itself, a
 * Container or a Column) holding exactly one "Details" button. This fits a card per token as well
 * as one card listing several tokens in containers.
 */
export function tokenSections(card) {
  const sections = [];
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const count = detailsCount(node);
    if (count === 0) return;
    if (count === 1 && (node.type === 'AdaptiveCard' || node.type === 'Container' || node.type === 'Column')) {
      sections.push(node);
      return;
    }
    for (const key of ['body', 'items', 'columns']) if (node[key]) visit(node[key]);
  };
  visit(card);
  return sections;
}

/** Which sample tokens a text names. */
export function sampleTokensIn(text) {
  const t = plain(text);
  return {
    failing: SAMPLE_FAILING.filter((token) => token.match.test(t)).map((token) => token.key),
    healthy: SAMPLE_HEALTHY.filter((token) => token.match.test(t)).map((token) => token.key),
  };
}

/** The failing sample tokens a card's token sections are about, one key per section. */
export function sectionTokenKeys(card) {
  return tokenSections(card).map((section) => {
    const named = sampleTokensIn(cardText(section));
    assert.equal(named.failing.length, 1, `a token section should name exactly one failing sample token, names ${JSON.stringify(named.failing)}: ${cardText(section).slice(0, 200)}`);
    assert.deepEqual(named.healthy.filter((h) => !(h === 'vpp-contoso-oy' && named.failing[0] === 'vpp-schools')), [],
      `the ${named.failing[0]} section names a healthy token`);
    return named.failing[0];
  });
}

/**
 * Checks a health answer for the sample tenant: a summary card first (with the counts, no token
 * buttons), then every failing sample token exactly once, each with its kind, "Check again" and a help
 * link, no healthy token, all in the expected language.
 */
export function assertSampleHealthAnswer(messages, language) {
  const cards = allCards(messages);
  assert.ok(cards.length > 0, `no card in the answer: ${messages.map((m) => m.summaryLine).join(' | ')}`);
  const [summary] = cards;
  assert.ok(!isTokenCard(summary), 'the first card should be the tenant summary, without token buttons');
  // Counts by status: 8 of the sample's 11 tokens need attention, 3 are healthy.
  assert.match(cardText(summary), /\b8\b/, 'the summary counts the 8 tokens that need attention');
  assert.match(cardText(summary), /\b3\b/, 'the summary counts the 3 healthy tokens');
  assert.match(cards.map(cardText).join('\n'), /ADE|DEP/, 'the answer names ADE/DEP');
  const sections = cards.flatMap(tokenSections);
  const tokenKeys = cards.flatMap(sectionTokenKeys);
  assert.deepEqual([...tokenKeys].sort(), SAMPLE_FAILING.map((t) => t.key).sort(), 'every failing sample token, once');
  for (const [i, section] of sections.entries()) {
    const token = SAMPLE_FAILING.find((t) => t.key === tokenKeys[i]);
    const text = cardText(section);
    assert.ok(text.includes(token.kind) || (token.kind === 'ABM' && /\bADE\b|\bDEP\b/.test(text)),
      `the ${token.key} section shows its kind ${token.kind}`);
    assert.ok(executeActions(section, VERBS.checkAgain).length > 0, `the ${token.key} section has an Action.Execute "${VERBS.checkAgain}"`);
    assert.ok(actionsOf(section).some((a) => a.type === 'Action.OpenUrl'), `the ${token.key} section links help (Action.OpenUrl)`);
  }
  assertLanguage(cards, language);
  return { summary, sections, tokenKeys };
}

/**
 * The answer to the Action.Submit fallback of "Check again": either an update of the clicked card,
 * which must then still show the same tokens, or a reply with a health card (the summary with its
 * counts, or token sections), in the expected language.
 */
export function assertRefreshedHealth(answer, clicked, language) {
  const update = answer.find((m) => m.kind === 'update' && m.id === clicked.id);
  const cards = allCards(answer);
  assert.ok(cards.length > 0, 'a card comes back');
  if (update) {
    const original = clicked.original ?? clicked;
    assert.deepEqual(allCards([update]).flatMap(sectionTokenKeys).sort(), allCards([original]).flatMap(sectionTokenKeys).sort(),
      'the updated card still shows the same tokens');
  } else {
    assert.ok(cards.some((c) => tokenSections(c).length > 0 || /\b8\b/.test(cardText(c))), 'the reply is a health card');
  }
  assertLanguage(cards, language, 'the answer');
}

/** Answers that are complete: every failing sample token has its section. */
export const hasAllTokenSections = (messages) => allCards(messages).flatMap(tokenSections).length >= SAMPLE_FAILING.length;

export function assertLanguage(cardsOrText, language, what = 'the answer') {
  const text = typeof cardsOrText === 'string' ? cardsOrText : cardsOrText.map(cardText).join('\n');
  assert.equal(detectLanguage(text), language, `${what} should be in ${language}: ${text.slice(0, 300)}`);
}

/**
 * The message whose card has the section about a given sample token, narrowed to that section (so a
 * click finds that token's buttons), with the whole card it sits in.
 */
export function tokenSection(messages, key) {
  const token = SAMPLE_FAILING.find((t) => t.key === key);
  for (const message of messages) {
    for (const card of message.cards) {
      const section = tokenSections(card).find((s) => token.match.test(plain(cardText(s))));
      if (section) {
        const narrowed = { ...message, cards: [{ type: 'AdaptiveCard', version: card.version, body: [section] }], original: message };
        return { message: narrowed, section, card };
      }
    }
  }
  assert.fail(`no section about the ${key} token in ${messages.map((m) => m.summaryLine).join(' | ')}`);
}
