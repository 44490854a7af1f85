// A test client for Microsoft 365 Agents Playground: drives its HTTP API the way its own web UI
// does and records everything the bot sends from the Playground's two WebSocket streams.
// The API facts this relies on are written down in ../README.md.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { ADAPTIVE_CARD, actionsOf, cardProblems, submitFallbackOf } from './cards.mjs';

const require = createRequire(import.meta.url);
const WebSocket = require('ws');

export const INVOKE_CARD_ACTION = 'adaptiveCard/action';

const CLIENT_INFO = {
  'en-US': { country: 'US', timezone: 'America/New_York' },
  'fi-FI': { country: 'FI', timezone: 'Europe/Helsinki' },
  'uk-UA': { country: 'UA', timezone: 'Europe/Kyiv' },
};

/** A conversation id matches itself and, for a channel, every thread (`<channel>;messageid=<root>`) in it. */
export function inConversation(event, conversation) {
  return event.conversation === conversation || event.conversation.startsWith(`${conversation};messageid=`);
}

export class Playground {
  #events = new EventEmitter();
  #sockets = [];

  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    /** Every bot message, update and typing indicator, in arrival order. */
    this.received = [];
    /** The Playground's request/response log: the raw activities the bot posted to the mock connector. */
    this.connectorLog = [];
    /** Cards that the adaptivecards renderer did not parse cleanly, with where they came from. */
    this.cardFailures = [];
    this.cardsChecked = 0;
  }

  async connect({ timeoutMs = 10_000 } = {}) {
    const { config } = await this.#request('GET', '/_internal/v1/testConfig');
    this.config = config;
    this.bot = config.bot;
    this.me = config.currentUser;
    const team = config.teams[0];
    this.conversations = {
      personal: config.personalChat.id,
      group: config.groupChats[0].id,
      general: team.channels.find((c) => c.id === team.id).id,
      channel: team.channels.find((c) => c.id !== team.id).id,
    };
    // Connect before anything happens: with no client connected the Playground buffers messages and
    // flushes them to whichever client connects first (the browser, in the UI test, would steal them).
    await Promise.all([
      this.#openSocket('/_ws_conversation/v1/conversations/stream', (data) => this.#onConversationEvent(data), timeoutMs),
      this.#openSocket('/_ws/log/stream', (data) => this.#onLogEvent(data), timeoutMs),
    ]);
  }

  close() {
    for (const socket of this.#sockets) socket.terminate();
  }

  // ---- what the user does -------------------------------------------------------------------

  /** Installs the bot in a conversation (installationUpdate "add" + conversationUpdate membersAdded). */
  async install(conversation, { locale } = {}) {
    if (!locale || locale === 'en-US') {
      await this.#request('POST', `/_debug/conversation/${encodeURIComponent(conversation)}/installation`, {});
      return;
    }
    // The Playground hard-codes en-US in the activities it generates, so a localized install is the
    // same pair of activities built from its templates and posted through customActivities.
    const install = await this.template(conversation, 'install');
    await this.sendActivity({ ...install, locale, entities: [{ type: 'clientInfo', locale }] });
    await this.sendActivity(await this.template(conversation, 'botAdded'));
  }

  async uninstall(conversation) {
    await this.sendActivity(await this.template(conversation, 'uninstall'));
  }

  /**
   * Sends a user message. In a channel a message becomes a new thread, and only an @mention makes the
   * Playground (like Teams) deliver it to the bot. Returns the conversation the replies will land in.
   */
  async send(text, { conversation = this.conversations.personal, locale = 'en-US', mention = false } = {}) {
    const mentionText = `<at>${this.bot.name}</at>`;
    const mentions = mention ? [{ mentioned: { id: this.bot.id }, text: mentionText }] : undefined;
    const fullText = mention ? `${mentionText} ${text}` : text;
    if (locale === 'en-US') {
      const posted = await this.#request('POST', `/_conversation/v1/conversations/${encodeURIComponent(conversation)}/messages`,
        { from: { id: this.me.id }, text: fullText, textFormat: 'plain', mentions });
      return { conversation: posted.postConversationId ?? conversation, messageId: posted.messageId };
    }
    // Any other locale: a message activity of our own, shaped like the Playground's (and Teams') own.
    let thread = conversation;
    let activityId = randomUUID();
    if (this.#isChannel(conversation) && !conversation.includes(';messageid=')) {
      // Start the thread with the same text, not yet delivered to the bot (no mention), then deliver
      // the @mention as that root post: the conversation id becomes `<channel>;messageid=<root>`.
      const root = await this.send(text, { conversation });
      thread = root.conversation;
      activityId = root.messageId;
    }
    const template = await this.template(conversation.split(';')[0]);
    const info = CLIENT_INFO[locale] ?? { country: locale.slice(-2), timezone: 'UTC' };
    const now = new Date().toISOString();
    const tenant = { id: this.config.tenantId };
    const channelId = conversation.split(';')[0];
    await this.sendActivity({
      ...template,
      type: 'message',
      id: activityId,
      timestamp: now,
      localTimestamp: now,
      localTimezone: info.timezone,
      from: { id: this.me.id, name: this.me.name, aadObjectId: this.me.aadObjectId },
      recipient: { id: this.bot.id, name: this.bot.name },
      conversation: { ...template.conversation, id: thread },
      text: fullText,
      textFormat: 'plain',
      locale,
      entities: [
        ...(mentions ?? []).map((m) => ({ type: 'mention', mentioned: { id: this.bot.id, name: this.bot.name }, text: m.text })),
        { type: 'clientInfo', locale, country: info.country, platform: 'Web', timezone: info.timezone },
      ],
      channelData: this.#isChannel(channelId)
        ? { teamsChannelId: channelId, teamsTeamId: this.conversations.general, tenant, team: { id: this.conversations.general }, channel: { id: channelId } }
        : { tenant },
    });
    return { conversation: thread, messageId: activityId };
  }

  /** Clicks an Action.Execute like the Playground's UI: the bot's invoke response is returned. */
  async clickExecute(message, select) {
    const action = this.#findAction(message, select, (a) => a.type === 'Action.Execute');
    const value = { action: { type: 'Action.Execute', title: action.title, verb: action.verb, data: action.data ?? {} } };
    if (action.id) value.action.id = action.id;
    const response = await this.#request('POST', '/_conversation/v1/invoke', {
      name: INVOKE_CARD_ACTION, value, from: { id: this.me.id }, conversation: { id: message.conversation }, replyToId: message.id,
    }, { allowError: true });
    if (response.status === 200 && response.body?.type === ADAPTIVE_CARD) {
      this.#checkCard(response.body.value, `invoke response to ${action.verb} in ${message.conversation}`);
    }
    return { action, ...response };
  }

  /** Clicks the Action.Submit a client without Action.Execute falls back to: a message with `value`. */
  async clickSubmit(message, select) {
    const action = this.#findAction(message, select, (a) => submitFallbackOf(a) !== undefined);
    const submit = submitFallbackOf(action);
    await this.#request('POST', '/_conversation/v1/submit', {
      conversation: { id: message.conversation }, replyToId: message.id, value: submit.data ?? {}, from: { id: this.me.id },
    });
    return { action, submit };
  }

  template(conversation, type) {
    const query = new URLSearchParams({ conversationId: conversation, ...(type ? { type } : {}) });
    return this.#request('GET', `/_internal/v1/customActivities/template?${query}`);
  }

  /** Posts any activity to the bot; the Playground answers at once and drops the bot's HTTP response. */
  sendActivity(activity) {
    return this.#request('POST', '/_internal/v1/customActivities', activity);
  }

  // ---- what the bot sends -------------------------------------------------------------------

  mark() {
    return this.received.length;
  }

  /** Bot messages (creations, and updates if asked) in a conversation since a mark. */
  messages({ since = 0, conversation, updates = false } = {}) {
    return this.received.slice(since).filter((e) =>
      (e.kind === 'message' || (updates && e.kind === 'update')) && (!conversation || inConversation(e, conversation)));
  }

  typing({ since = 0, conversation } = {}) {
    return this.received.slice(since).filter((e) => e.kind === 'typing' && (!conversation || inConversation(e, conversation)));
  }

  /**
   * Waits until `until(messages)` holds for the bot messages since `since`, then until the bot has
   * been quiet for `quietMs` (so a reply made of several activities is complete). Bounded by timeoutMs.
   */
  async waitFor({ since = 0, conversation, updates = false, until = (m) => m.length > 0, quietMs = 1500, timeoutMs = 30_000, what = 'bot messages' }) {
    const deadline = Date.now() + timeoutMs;
    const current = () => this.messages({ since, conversation, updates });
    while (!until(current())) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${conversation ?? 'any conversation'}; got ` +
          `${current().length}: ${current().map((m) => m.summaryLine).join(' | ') || 'nothing'}`);
      }
      await this.#nextEvent(left).catch(() => {});
    }
    await this.quiet({ forMs: quietMs, timeoutMs: Math.max(deadline - Date.now(), quietMs) + quietMs * 4 });
    return current();
  }

  /** Resolves once nothing has arrived for `forMs`; returns what arrived meanwhile. */
  async quiet({ forMs, timeoutMs = forMs * 5 }) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const before = this.received.length;
      await this.#nextEvent(forMs).catch(() => {});
      if (this.received.length === before) return;
      if (Date.now() > deadline) return;
    }
  }

  /**
   * The raw activity the bot posted for a message (it carries `summary`, `replyToId`, ...). An
   * activity with several attachments is split into several messages and answered 202 without ids,
   * so those are found by their content.
   */
  activityOf(message) {
    const byId = this.connectorLog.find((l) => l.messageId === message.id);
    if (byId) return byId.request?.body;
    const cards = message.cards.map((c) => JSON.stringify(c));
    return this.connectorLog.map((l) => l.request?.body).find((body) => body?.type === 'message' &&
      (cards.length ? cards.every((c) => (body.attachments ?? []).some((a) => JSON.stringify(a.content) === c))
        : body.text === message.text));
  }

  // ---- internals ----------------------------------------------------------------------------

  #isChannel(conversation) {
    return this.config.teams[0].channels.some((c) => c.id === conversation.split(';')[0]);
  }

  #findAction(message, select, usable) {
    const matches = (a) => typeof select === 'function' ? select(a)
      : (select.verb === undefined || a.verb === select.verb || a.data?.verb === select.verb) &&
        (select.title === undefined || a.title === select.title);
    for (const card of message.cards) {
      const action = actionsOf(card).find((a) => usable(a) && matches(a));
      if (action) return action;
    }
    throw new Error(`no such button ${typeof select === 'function' ? select : JSON.stringify(select)} on message ` +
      `${message.id}; buttons: ${message.cards.flatMap(actionsOf).map((a) => `${a.type}:${a.verb ?? a.data?.verb ?? a.url ?? ''}:${a.title}`).join(', ')}`);
  }

  #checkCard(card, where) {
    this.cardsChecked += 1;
    const problems = cardProblems(card);
    if (problems.length) this.cardFailures.push({ where, problems, card });
    return problems;
  }

  #onConversationEvent(data) {
    if (data.action === 'typing') {
      this.#push({ kind: 'typing', conversation: data.actionConversationId, summaryLine: 'typing' });
      return;
    }
    if (data.action !== 'createMessage' && data.action !== 'updateMessage') return;
    const m = data.message;
    const cards = (m.attachments ?? []).filter((a) => a.contentType === ADAPTIVE_CARD).map((a) => a.content);
    const conversation = m.postConversationId ?? data.actionConversationId;
    cards.forEach((card) => this.#checkCard(card, `${data.action} ${m.messageId} in ${conversation}`));
    const firstLine = (cards[0]?.body?.find?.((b) => typeof b.text === 'string')?.text ?? m.text ?? '').slice(0, 80);
    this.#push({
      kind: data.action === 'createMessage' ? 'message' : 'update',
      id: m.messageId,
      conversation,
      text: m.text ?? '',
      cards,
      attachments: m.attachments ?? [],
      summaryLine: `${cards.length ? `card(${firstLine})` : `text(${firstLine})`}`,
    });
  }

  #onLogEvent(data) {
    if (data.logAction === 'appendLog' && data.log?.from === 'User Application') this.connectorLog.push(data.log);
  }

  #push(event) {
    this.received.push({ ...event, seq: this.received.length, at: Date.now() });
    this.#events.emit('event');
  }

  #nextEvent(timeoutMs) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.#events.off('event', onEvent); reject(new Error('timeout')); }, timeoutMs);
      const onEvent = () => { clearTimeout(timer); resolve(); };
      this.#events.once('event', onEvent);
    });
  }

  #openSocket(path, onMessage, timeoutMs) {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.baseUrl.replace(/^http/, 'ws') + path);
      const timer = setTimeout(() => { socket.terminate(); reject(new Error(`WebSocket ${path} did not open in ${timeoutMs} ms`)); }, timeoutMs);
      socket.on('open', () => { clearTimeout(timer); this.#sockets.push(socket); resolve(); });
      socket.on('error', (error) => { clearTimeout(timer); reject(error); });
      socket.on('message', (raw) => onMessage(JSON.parse(raw.toString())));
    });
  }

  async #request(method, path, body, { allowError = false, timeoutMs = 30_000 } = {}) {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let parsed;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { parsed = text; }
    if (allowError) return { status: response.status, body: parsed };
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text.slice(0, 500)}`);
    return parsed;
  }
}
