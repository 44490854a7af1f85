// Reading and checking the Adaptive Cards AdeBot sends, with the official `adaptivecards` renderer.
// Its `lib/` build is extensionless ESM that Node cannot load, so the UMD bundle in `dist/` is used;
// parsing needs no DOM (only render() does, and the browser run covers rendering).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js');

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
export const TARGET_VERSION = AC.Versions.v1_5;

/** Parses a card the way a Teams client does and returns every parse and validation event. */
export function cardProblems(card) {
  const problems = [];
  if (!card || typeof card !== 'object' || card.type !== 'AdaptiveCard') {
    return [`not an AdaptiveCard: ${JSON.stringify(card)?.slice(0, 120)}`];
  }
  const context = new AC.SerializationContext(TARGET_VERSION);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  const version = AC.Version.parse(card.version, context);
  if (!version?.isValid || version.major !== 1 || version.minor > TARGET_VERSION.minor) {
    problems.push(`version ${card.version} is not an Adaptive Card version Teams renders (≤ ${TARGET_VERSION})`);
  }
  return problems;
}

/** Every action on a card: top-level, in ActionSets and containers, in ShowCards, and selectActions. */
export function actionsOf(card) {
  const found = [];
  const visitAction = (action) => {
    if (!action || typeof action !== 'object') return;
    found.push(action);
    if (action.type === 'Action.ShowCard' && action.card) visitElement(action.card);
  };
  const visitElement = (node) => {
    if (Array.isArray(node)) return node.forEach(visitElement);
    if (!node || typeof node !== 'object') return;
    if (node.selectAction) visitAction(node.selectAction);
    if (Array.isArray(node.actions)) node.actions.forEach(visitAction);
    for (const key of ['body', 'items', 'columns', 'cards']) if (node[key]) visitElement(node[key]);
  };
  visitElement(card);
  return found;
}

/** The Action.Execute buttons with a given verb (the verb AdeBot dispatches on). */
export function executeActions(card, verb) {
  return actionsOf(card).filter((a) => a.type === 'Action.Execute' && (verb === undefined || a.verb === verb));
}

export function verbsOf(card) {
  return new Set(actionsOf(card).map((a) => a.verb ?? a.data?.verb).filter(Boolean));
}

/** The Action.Submit a client falls back to when it cannot do Action.Execute. */
export function submitFallbackOf(action) {
  if (action.type === 'Action.Submit') return action;
  if (action.fallback && typeof action.fallback === 'object' && action.fallback.type === 'Action.Submit') return action.fallback;
  return undefined;
}

/** All human-visible text of a card: text blocks, rich text, facts, button titles, input labels. */
export function cardText(card) {
  const parts = [];
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const key of ['text', 'title', 'label', 'placeholder', 'altText', 'fallbackText', 'speak']) {
      if (typeof node[key] === 'string') parts.push(node[key]);
    }
    if (Array.isArray(node.facts)) for (const fact of node.facts) parts.push(`${fact.title ?? ''} ${fact.value ?? ''}`);
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'data' && key !== 'msteams' && typeof value === 'object') visit(value);
    }
  };
  visit(card);
  return parts.join('\n');
}

const FINNISH_WORDS = ['ja', 'on', 'ei', 'tai', 'kun', 'että', 'tunnus', 'tunnukset', 'tunnusta', 'päivää', 'päivän', 'vanhenee',
  'vanhentunut', 'synkronointi', 'tarkista', 'uudelleen', 'ohjeet', 'lisätietoja', 'kunnossa', 'voimassa', 'virhe', 'viimeisin'];
const ENGLISH_WORDS = ['the', 'and', 'is', 'are', 'to', 'of', 'in', 'token', 'tokens', 'expires', 'expired', 'days', 'day', 'sync',
  'check', 'again', 'details', 'renew', 'healthy', 'last', 'error', 'with', 'your'];

/**
 * Which of en, fi, uk a text is written in. Deterministic and coarse: Cyrillic letters mean
 * Ukrainian; otherwise common function words and Finnish letters decide between Finnish and English.
 */
export function detectLanguage(text) {
  const letters = text.match(/\p{L}/gu) ?? [];
  const cyrillic = letters.filter((c) => /\p{Script=Cyrillic}/u.test(c)).length;
  if (letters.length > 0 && cyrillic / letters.length > 0.3) return 'uk';
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const count = (list) => words.filter((w) => list.includes(w)).length;
  const finnish = count(FINNISH_WORDS) + (text.match(/[äöÄÖ]/g) ?? []).length;
  const english = count(ENGLISH_WORDS);
  if (finnish === 0 && english === 0) return 'unknown';
  return finnish > english ? 'fi' : 'en';
}

export const languageOf = (locale) => locale.slice(0, 2).toLowerCase();
