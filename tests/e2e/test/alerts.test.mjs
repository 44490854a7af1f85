// Proactive alerts: after install, with no user message, the bot posts through the serviceUrl it
// stored (the Playground's mock connector) once per conversation, never twice, not even after a
// restart on the same database, and not to unsubscribed or uninstalled conversations.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADAPTIVE_CARD, executeActions } from '../lib/cards.mjs';
import { SAMPLE_FAILING, VERBS, allCards, assertLanguage, replyText, sampleTokensIn } from '../lib/adebot.mjs';
import { startStack } from '../lib/stack.mjs';

const INTERVAL_SECONDS = 5;
// Only the interval; the bot derives a small jitter from it.
const FAST_CHECKS = { Alerts__Enabled: 'true', Alerts__CheckInterval: `00:00:0${INTERVAL_SECONDS}` };
// Long enough for three checks with jitter: "nothing more over the following checks".
const QUIET_MS = INTERVAL_SECONDS * 1000 * 3 + 3000;
const ALERT_WAIT_MS = 60_000;
const coversAllFailing = (messages) => sampleTokensIn(replyText(messages)).failing.length === SAMPLE_FAILING.length;

describe('proactive alerts', { timeout: 600_000 }, () => {
  let stack;
  let pg;
  let chats;
  const alerts = {};
  let sinceFastChecks;

  before(async () => {
    // Phase 1: no checks, so the conversations are set up before any alert can go out.
    stack = await startStack('alerts');
    pg = stack.playground;
    chats = pg.conversations;
    for (const conversation of [chats.personal, chats.channel, chats.group, chats.general]) {
      const since = pg.mark();
      await pg.install(conversation);
      await pg.waitFor({ since, conversation, until: (m) => allCards(m).length > 0, what: 'a welcome card' });
    }
    const since = pg.mark();
    await pg.send('unsubscribe', { conversation: chats.group, mention: true });
    await pg.waitFor({ since, conversation: chats.group, what: 'the reply to "unsubscribe"' });
    await pg.uninstall(chats.general);
    await pg.quiet({ forMs: 1500 });
    // Phase 2: the same database, checks every few seconds.
    sinceFastChecks = pg.mark();
    await stack.bot.restart(FAST_CHECKS);
  }, { timeout: 240_000 });
  after(async () => { await stack?.stop(); });

  it('the personal chat gets one alert covering every failing sample token, unprompted', { timeout: ALERT_WAIT_MS + 30_000 }, async () => {
    const messages = await pg.waitFor({ since: sinceFastChecks, conversation: chats.personal, until: coversAllFailing,
      timeoutMs: ALERT_WAIT_MS, quietMs: 3000, what: 'an alert naming every failing sample token' });
    alerts.personal = messages;
    assert.deepEqual(sampleTokensIn(replyText(messages)).healthy, [], 'the alert names no healthy token');
    assertLanguage(allCards(messages).length ? allCards(messages) : replyText(messages), 'en', 'the alert');
    const activities = new Set(messages.map((m) => pg.activityOf(m)));
    assert.equal(activities.size, 1, `one activity per conversation per check, got ${activities.size}`);
    const [activity] = activities;
    assert.ok(activity, 'the raw activity is in the Playground log');
    assert.ok(typeof activity.summary === 'string' && activity.summary.trim().length > 0, 'the alert sets summary for the notification');
  });

  it('the channel gets its alert as a new post', { timeout: ALERT_WAIT_MS + 30_000 }, async () => {
    const messages = await pg.waitFor({ since: sinceFastChecks, conversation: chats.channel, until: coversAllFailing,
      timeoutMs: ALERT_WAIT_MS, quietMs: 3000, what: 'the channel alert' });
    alerts.channel = messages;
    assert.ok(messages.every((m) => m.conversation.startsWith(`${chats.channel};messageid=`)), 'posted as a new thread');
  });

  it('the alert offers snooze for 1 and 7 days (never forever) and snoozing answers the invoke', { timeout: 60_000 }, async () => {
    assert.ok(alerts.personal, 'needs the alert');
    const snoozes = alerts.personal.flatMap((m) => m.cards.flatMap((c) => executeActions(c, VERBS.snooze)));
    assert.ok(snoozes.length > 0, 'the alert has Action.Execute snooze buttons');
    assert.deepEqual([...new Set(snoozes.map((a) => a.data?.days))].sort((a, b) => a - b), [1, 7]);
    assert.ok(snoozes.every((a) => (a.data?.findingKeys ?? [a.data?.findingKey]).filter(Boolean).length > 0), 'each snooze names its findings');
    const message = alerts.personal.find((m) => m.cards.some((c) => executeActions(c, VERBS.snooze).length));
    const response = await pg.clickExecute(message, (a) => a.type === 'Action.Execute' && a.verb === VERBS.snooze && a.data?.days === 7);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.ok([ADAPTIVE_CARD, 'application/vnd.microsoft.activity.message'].includes(response.body?.type), JSON.stringify(response.body));
  });

  it('nothing more is sent over the following checks', { timeout: QUIET_MS + 30_000 }, async () => {
    assert.ok(alerts.personal && alerts.channel, 'needs both alerts');
    const since = pg.mark();
    await sleep(QUIET_MS);
    assert.deepEqual(pg.messages({ since, updates: true }).map((m) => `${m.conversation}: ${m.summaryLine}`), []);
  });

  it('the unsubscribed group chat and the uninstalled team got no alert', () => {
    assert.deepEqual(pg.messages({ since: sinceFastChecks, conversation: chats.group }).map((m) => m.summaryLine), []);
    assert.deepEqual(pg.messages({ since: sinceFastChecks, conversation: chats.general }).map((m) => m.summaryLine), []);
  });

  it('after a restart on the same database nothing is sent again', { timeout: QUIET_MS + 120_000 }, async () => {
    const since = pg.mark();
    await stack.bot.restart(FAST_CHECKS);
    await sleep(QUIET_MS);
    assert.deepEqual(pg.messages({ since, updates: true }).map((m) => `${m.conversation}: ${m.summaryLine}`), []);
  });

  it('"subscribe" in the group chat brings its alert', { timeout: ALERT_WAIT_MS + 30_000 }, async () => {
    const since = pg.mark();
    await pg.send('subscribe', { conversation: chats.group, mention: true });
    await pg.waitFor({ since, conversation: chats.group, until: coversAllFailing, timeoutMs: ALERT_WAIT_MS,
      what: 'the confirmation and then the alert' });
  });

  it('every card parsed in the adaptivecards renderer without errors or warnings', () => {
    assert.ok(pg.cardsChecked > 0);
    assert.deepEqual(pg.cardFailures.map((f) => `${f.where}: ${f.problems.join('; ')}`), []);
  });
});
