using AdeBot.Conversations.GuidedFix;
using AdeBot.Conversations.Memory;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Devices;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;
using AdeBot.Telemetry;

namespace AdeBot.Conversations;

/// Answers a follow-up about one subject, shared by the follow-up question and the "which one do
/// you mean?" buttons. A follow-up answers about that subject alone: its details card, why it is
/// unhealthy, its remediation steps, or whether it is healthy now, never the whole list again.
public sealed class FollowUpAnswers(
    ConversationMemory memory,
    ConversationTopics topics,
    TenantHealthReader reader,
    HealthReplies health,
    DeviceReplies devices,
    VerificationLimiter verificationLimiter,
    CardComposer composer)
{
    public async Task AnswerAsync(ChatTurn turn, RecognizedIntent intent, CancellationToken cancellationToken)
    {
        var context = await memory.RecallAsync(turn.Conversation.ContextKey, cancellationToken);
        var asks = intent.FollowUp ?? FollowUpKind.About;
        // "the second one" after "which one do you mean?" answers what was asked about it.
        if (asks == FollowUpKind.About && context?.Pending is { } pending) asks = pending.Then;

        if (intent.TokenName is { } name)
        {
            await ByNameAsync(turn, name, asks, cancellationToken);
            return;
        }
        if (context is null)
        {
            // "Is it ok now?" with nothing to refer to still asks about the tokens, as it always did.
            if (asks == FollowUpKind.IsFixed) await health.PostAsync(turn, forceRefresh: false, skip: 0, cancellationToken);
            else await turn.SayAsync(FollowUpReplies.NoContext(turn.Culture), cancellationToken);
            return;
        }

        ConversationSubject? subject;
        if (intent.Ordinal is { } ordinal)
        {
            var index = ordinal < 0 ? context.Subjects.Count - 1 : ordinal - 1;
            if (index < 0 || index >= context.Subjects.Count)
            {
                await turn.SayAsync(FollowUpReplies.NoSuchPosition(turn.Culture), cancellationToken);
                await OfferListedAsync(turn, context, asks, cancellationToken);
                return;
            }
            subject = context.Subjects[index];
        }
        else
        {
            subject = context.CurrentSubject() ?? context.Problem?.Subject;
        }

        if (subject is null)
        {
            // "How do I fix it?" after a list of several: which of them.
            if (!await OfferListedAsync(turn, context, asks, cancellationToken)) await turn.SayAsync(FollowUpReplies.NoContext(turn.Culture), cancellationToken);
            return;
        }
        await AboutAsync(turn, subject, asks, cancellationToken);
    }

    /// A subject chosen by a follow-up or a button: the token or device read again, then the
    /// answer. Returns the name of what it answered about (or why it could not), for an invoke's reply.
    public async Task<string> AboutAsync(ChatTurn turn, ConversationSubject subject, FollowUpKind asks, CancellationToken cancellationToken)
    {
        if (subject.Kind == SubjectKind.Device)
        {
            await DeviceAsync(turn, subject.Id, asks, cancellationToken);
            return subject.Id;
        }

        var read = await ReadAsync(turn, asks == FollowUpKind.IsFixed, cancellationToken);
        if (!read.Succeeded) return read.FailureText;
        if (read.Health.Tokens.FirstOrDefault(t => t.Id == subject.Id && (subject.TokenKind is null || t.Kind == subject.TokenKind)) is not { } token)
        {
            var gone = FollowUpReplies.TokenGone(turn.Culture);
            await turn.SayAsync(gone, cancellationToken);
            return gone;
        }
        await TokenAsync(turn, read, token, asks, cancellationToken);
        return token.Name;
    }

    private async Task ByNameAsync(ChatTurn turn, string name, FollowUpKind asks, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(turn, asks == FollowUpKind.IsFixed, cancellationToken);
        if (!read.Succeeded) return;
        var matches = TokenNames.Find(name, read.Health.Tokens);
        switch (matches.Count)
        {
            case 0:
                await turn.SayAsync(ChatReplies.NoTokenNamed(name, turn.Culture), cancellationToken);
                return;
            case 1:
                await TokenAsync(turn, read, matches[0], asks, cancellationToken);
                return;
            default:
                await AskWhichAsync(turn, matches, asks, name, read.Context, cancellationToken);
                return;
        }
    }

    private async Task TokenAsync(ChatTurn turn, HealthRead read, TokenHealth token, FollowUpKind asks, CancellationToken cancellationToken)
    {
        var tenant = read.Health!;
        TurnRecord.Current?.Concerns(token.Id);
        var culture = turn.Culture;
        switch (asks)
        {
            case FollowUpKind.Why:
                await turn.SayAsync(composer.WhyText(token, culture), cancellationToken);
                break;
            case FollowUpKind.HowToFix when composer.ComposeFix(token, read.Context) is { } fix:
                await turn.ShowAsync(fix, cancellationToken);
                break;
            case FollowUpKind.HowToFix:
                await turn.SayAsync(composer.NothingToFix(token, culture), cancellationToken);
                break;
            case FollowUpKind.IsFixed:
                await turn.SayAsync(composer.FixedText(token, culture), cancellationToken);
                if (token.Problems.Count > 0) await turn.ShowAsync(composer.ComposeTokenDetails(tenant, token, read.Context), cancellationToken);
                break;
            default:
                await turn.ShowAsync(composer.ComposeTokenDetails(tenant, token, read.Context), cancellationToken);
                break;
        }
        await topics.TokenAsync(turn, token, cancellationToken);
    }

    private async Task DeviceAsync(ChatTurn turn, string serial, FollowUpKind asks, CancellationToken cancellationToken)
    {
        TurnRecord.Current?.Concerns(serial);
        if (asks == FollowUpKind.About)
        {
            await devices.PostAsync(turn, serial, cancellationToken);
            return;
        }

        await turn.TypingAsync(cancellationToken);
        // "Is it fixed now?" reads the device past the cache, within the verification limit.
        var fresh = asks == FollowUpKind.IsFixed && verificationLimiter.TryAcquire(turn.Conversation.Key.TenantId);
        var read = await devices.ReadAsync(turn.Conversation, serial, forceRefresh: fresh, cancellationToken);
        if (!read.Succeeded)
        {
            await turn.SayAsync(read.FailureText, cancellationToken);
            return;
        }
        var diagnosis = read.Diagnosis;
        var culture = turn.Culture;
        switch (asks)
        {
            case FollowUpKind.Why:
                await turn.SayAsync(composer.WhyText(diagnosis, culture), cancellationToken);
                break;
            case FollowUpKind.HowToFix when composer.ComposeFix(diagnosis, read.Context) is { } fix:
                await turn.ShowAsync(fix, cancellationToken);
                break;
            case FollowUpKind.HowToFix:
                await turn.SayAsync(composer.NothingToFix(diagnosis, culture), cancellationToken);
                break;
            default:
                await turn.SayAsync(composer.FixedText(diagnosis, culture), cancellationToken);
                if (diagnosis.Severity != DiagnosisSeverity.Ok) await turn.ShowAsync(devices.Compose(read), cancellationToken);
                break;
        }
        await topics.DeviceAsync(turn, diagnosis, cancellationToken);
    }

    /// "Is it fixed now?" reads Graph past the cache, as a guided fix's verification does and within
    /// the same per-tenant limit (GuidedFix:VerificationIntervalSeconds); within it, a tenant just
    /// read is answered from that reading.
    private async Task<HealthRead> ReadAsync(ChatTurn turn, bool fresh, CancellationToken cancellationToken)
    {
        if (!fresh || !verificationLimiter.TryAcquire(turn.Conversation.Key.TenantId)) return await reader.ReadForChatAsync(turn, forceRefresh: false, cancellationToken);
        await turn.TypingAsync(cancellationToken);
        var read = await reader.ReadFreshAsync(turn.Conversation, cancellationToken);
        if (!read.Succeeded) await turn.SayAsync(read.FailureText, cancellationToken);
        return read;
    }

    private async Task AskWhichAsync(ChatTurn turn, IReadOnlyList<TokenHealth> candidates, FollowUpKind asks, string? named, CardContext context, CancellationToken cancellationToken)
    {
        List<TokenHealth> offered = [.. candidates.Take(CardComposer.MaxChoices)];
        await turn.ShowAsync(composer.ComposeChoice(offered, asks, named, context), cancellationToken);
        await topics.AskedAsync(turn, offered, asks, cancellationToken);
    }

    /// "Which one do you mean?" with the tokens of the last answer as buttons; false when it listed none.
    private async Task<bool> OfferListedAsync(ChatTurn turn, ConversationContext context, FollowUpKind asks, CancellationToken cancellationToken)
    {
        var listed = context.Subjects.Where(s => s.Kind == SubjectKind.Token).ToList();
        if (listed.Count == 0) return false;
        var read = await reader.ReadAsync(turn.Conversation, forceRefresh: false, cancellationToken);
        if (!read.Succeeded) return false;
        List<TokenHealth> tokens = [.. listed.Select(s => read.Health.Tokens.FirstOrDefault(t => t.Id == s.Id && t.Kind == s.TokenKind)).OfType<TokenHealth>()];
        if (tokens.Count == 0) return false;
        await AskWhichAsync(turn, tokens, asks, named: null, read.Context, cancellationToken);
        return true;
    }
}
