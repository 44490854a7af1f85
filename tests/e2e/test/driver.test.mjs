// The suite's own checkers, so a green run cannot come from a checker that accepts anything.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionsOf, cardProblems, detectLanguage, submitFallbackOf } from '../lib/cards.mjs';
import { SAMPLE_FAILING, sampleTokensIn, sectionTokenKeys, tokenSections } from '../lib/adebot.mjs';
import { inConversation } from '../lib/playground.mjs';

const execute = { type: 'Action.Execute', title: 'Check again', verb: 'checkAgain', data: { verb: 'checkAgain' },
  fallback: { type: 'Action.Submit', title: 'Check again', data: { verb: 'checkAgain' } } };

describe('card checks', () => {
  it('accept a Teams-style 1.5 card with Action.Execute and its Action.Submit fallback', () => {
    const card = { type: 'AdaptiveCard', version: '1.5', msteams: { width: 'Full' },
      body: [{ type: 'TextBlock', text: 'Contoso ABM – Oulu', wrap: true }, { type: 'FactSet', facts: [{ title: 'Apple ID', value: 'oulu-it@contoso.example' }] },
        { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Help', url: 'https://learn.microsoft.com/' }] }],
      actions: [execute] };
    assert.deepEqual(cardProblems(card), []);
    assert.deepEqual(actionsOf(card).map((a) => a.type).sort(), ['Action.Execute', 'Action.OpenUrl']);
    assert.equal(submitFallbackOf(execute).type, 'Action.Submit');
  });

  it('report what a Teams client would not render cleanly', () => {
    const cases = [
      [{ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Table2' }] }, /UnknownElementType/],
      [{ type: 'AdaptiveCard', version: '1.5', actions: [{ type: 'Action.Teleport', title: 'x' }] }, /UnknownActionType/],
      [{ type: 'AdaptiveCard', version: '1.6', body: [] }, /version 1\.6/],
      [{ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'a', id: 'x' }, { type: 'TextBlock', text: 'b', id: 'x' }] }, /DuplicateId/],
      [{ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text', id: 'q', isRequired: true }] }, /RequiredInputsShouldHaveLabel/],
      [{ version: '1.5', body: [] }, /not an AdaptiveCard/],
    ];
    for (const [card, expected] of cases) assert.match(cardProblems(card).join('\n'), expected, JSON.stringify(card));
  });

  it('tell English, Finnish and Ukrainian apart', () => {
    assert.equal(detectLanguage('The token expires in 3 days. Renew it in Apple Business Manager and upload it to Intune.'), 'en');
    assert.equal(detectLanguage('Tunnus vanhenee 3 päivän kuluttua. Uusi se Apple Business Managerissa ja lataa se Intuneen.'), 'fi');
    assert.equal(detectLanguage('Маркер спливає через 3 дні. Поновіть його в Apple Business Manager і завантажте в Intune.'), 'uk');
  });

  it('recognize every sample token by name or Apple ID, and healthy ones apart', () => {
    assert.deepEqual(sampleTokensIn('Contoso ABM – Oulu\nApple ID oulu-it@contoso.example').failing, ['oulu']);
    assert.deepEqual(sampleTokensIn('Contoso Schools ASM – Espoo'), { failing: [], healthy: ['espoo'] });
    assert.deepEqual(sampleTokensIn('VPP Contoso Schools, vpp-schools@schools.contoso.example').failing, ['vpp-schools']);
    assert.equal(SAMPLE_FAILING.length, 8);
  });

  it('find the token sections of a card per token and of a card listing several tokens', () => {
    const details = (tokenId) => ({ type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Details', verb: 'details', data: { verb: 'details', tokenId } }] });
    const perToken = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Contoso ABM – Kyiv' }, details('5')] };
    const list = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Tokens that need attention: 1–2 of 2' },
      { type: 'Container', items: [{ type: 'TextBlock', text: 'Contoso ABM – Kyiv' }, details('5')] },
      { type: 'Container', items: [{ type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'TextBlock', text: 'Apple ID mdm-push@contoso.example' }] }] }, details('apns')] }] };
    assert.deepEqual(tokenSections(perToken), [perToken]);
    assert.deepEqual(sectionTokenKeys(list), ['kyiv', 'apns']);
    assert.throws(() => sectionTokenKeys({ ...list, body: [{ type: 'Container', items: [{ type: 'TextBlock', text: 'Contoso ABM – Kyiv, Contoso ABM – Oulu' }, details('5')] }] }));
  });

  it('match a channel to its threads but not to other channels', () => {
    assert.ok(inConversation({ conversation: '19:a@thread.tacv2;messageid=1' }, '19:a@thread.tacv2'));
    assert.ok(!inConversation({ conversation: '19:ab@thread.tacv2' }, '19:a@thread.tacv2'));
    assert.ok(!inConversation({ conversation: '19:a@thread.tacv2' }, '19:a@thread.tacv2;messageid=1'));
  });
});
