using AdeBot.Conversations.CardActions;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Devices;
using AdeBot.Domain.GuidedFix;
using AdeBot.Domain.Health;
using AdeBot.Domain.Remediation;
using Microsoft.Extensions.Options;

namespace AdeBot.Conversations.GuidedFix;

/// The buttons of a guided fix. "Fix it with me" posts the first step as a new message (the
/// problem card stays); every later click replaces the walk's own card. The walk's state is stored
/// per thread (IGuidedFixStore), so a click after a restart continues from the stored step.
public sealed partial class GuidedFixActions(
    IGuidedFixStore store,
    TenantHealthReader health,
    DeviceReplies devices,
    CardComposer composer,
    RemediationCatalog remediation,
    ISubscriptionStore subscriptions,
    IAlertLedger ledger,
    AlertPlanner planner,
    VerificationLimiter verificationLimiter,
    IOptions<ConversationOptions> conversations,
    TimeProvider time,
    ILogger<GuidedFixActions> logger)
{
    /// A walk is forgotten when its conversation's memory is: after Conversations:ContextMinutes without a click.
    private readonly TimeSpan _idle = conversations.Value.ContextIdle;

    public Task<CardActionOutcome> HandleAsync(ChatTurn turn, CardActionData action, CancellationToken cancellationToken) => action.Verb switch
    {
        CardVerbs.FixStart => StartAsync(turn, action, cancellationToken),
        CardVerbs.FixDone => WithStateAsync(turn, cancellationToken, state => DoneAsync(turn, state, action.Step, cancellationToken)),
        CardVerbs.FixStuck => WithStateAsync(turn, cancellationToken, state => ReplaceAsync(state.Stuck(time.GetUtcNow()), composer.ComposeFixStuck, turn, cancellationToken)),
        CardVerbs.FixBack => WithStateAsync(turn, cancellationToken, state => ReplaceAsync(state.BackToStep(time.GetUtcNow()), composer.ComposeFixStep, turn, cancellationToken)),
        CardVerbs.FixCheck => WithStateAsync(turn, cancellationToken, state => VerifyAsync(turn, state, cancellationToken)),
        CardVerbs.FixStop => StopAsync(turn, cancellationToken),
        _ => throw new ArgumentException($"{action.Verb} is not a guided fix button.", nameof(action)),
    };

    public static bool Handles(string verb) =>
        verb is CardVerbs.FixStart or CardVerbs.FixDone or CardVerbs.FixStuck or CardVerbs.FixBack or CardVerbs.FixCheck or CardVerbs.FixStop;

    private static GuidedFixKey KeyOf(ChatTurn turn) =>
        new(turn.Conversation.Key, turn.Conversation.Inbound.Conversation?.Id ?? turn.Conversation.Key.ConversationId);

    private async Task<CardActionOutcome> StartAsync(ChatTurn turn, CardActionData action, CancellationToken cancellationToken)
    {
        var culture = turn.Culture;
        GuidedFixSubject subject;
        if (action.Serial is { } serial)
        {
            // The button's data comes back from the client: only a serial is looked up.
            if (!SerialNumbers.IsValid(serial)) return Unknown(turn);
            var read = await devices.ReadAsync(turn.Conversation, serial, forceRefresh: false, cancellationToken);
            if (!read.Succeeded) return new CardActionOutcome.Answer(read.FailureText);
            if (read.Diagnosis.Verdict == DeviceVerdict.Enrolled) return new CardActionOutcome.Answer(composer.FixNothingToFix(read.Diagnosis.SerialNumber, culture));
            subject = GuidedFixSubject.ForDevice(read.Diagnosis.SerialNumber, RemediationCatalog.TopicFor(read.Diagnosis.Verdict));
        }
        else
        {
            if (action.TokenId is null || action.Problem is not { } code || !Enum.IsDefined(code)) return Unknown(turn);
            var read = await health.ReadAsync(turn.Conversation, forceRefresh: false, cancellationToken);
            if (!read.Succeeded) return new CardActionOutcome.Answer(read.FailureText);
            if (action.FindToken(read.Health) is not { } token) return new CardActionOutcome.Answer(ChatReplies.NoTokenNamed(action.TokenId, culture));
            if (token.Problems.FirstOrDefault(p => p.Code == code && p.Severity != HealthStatus.Healthy) is not { } problem)
                return new CardActionOutcome.Answer(composer.FixNothingToFix(remediation.DisplayName(token, culture), culture));
            subject = GuidedFixSubject.ForToken(token, problem, remediation.TopicFor(token, problem));
        }

        var now = time.GetUtcNow();
        var forgotten = await store.RemoveIdleAsync(now - _idle, cancellationToken);
        if (forgotten > 0) Log.IdleForgotten(logger, forgotten);
        var state = GuidedFixState.Start(KeyOf(turn), subject, now);
        await store.SaveAsync(state, cancellationToken);
        Log.Started(logger, subject.Topic);
        var summary = composer.FixSummary(subject, culture);
        await turn.ShowAsync(composer.ComposeFixStep(state, new CardContext(culture)), cancellationToken, summary);
        return new CardActionOutcome.AlreadyPosted(summary);
    }

    private async Task<CardActionOutcome> DoneAsync(ChatTurn turn, GuidedFixState state, int? clickedStep, CancellationToken cancellationToken)
    {
        var next = state.Done(clickedStep, composer.FixStepCount(state.Subject), time.GetUtcNow());
        if (next.Stage == GuidedFixStage.Verifying) return await VerifyAsync(turn, next, cancellationToken);
        return await ReplaceAsync(next, composer.ComposeFixStep, turn, cancellationToken);
    }

    private async Task<CardActionOutcome> StopAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        await store.RemoveAsync(KeyOf(turn), cancellationToken);
        return new CardActionOutcome.Replace(CardComposer.ComposeFixStopped(new CardContext(turn.Culture)));
    }

    /// Reads the tenant (or the device) again, bypassing the snapshot cache, at most once per tenant
    /// per GuidedFix:VerificationIntervalSeconds, and says whether the problem is gone.
    private async Task<CardActionOutcome> VerifyAsync(ChatTurn turn, GuidedFixState state, CancellationToken cancellationToken)
    {
        var culture = turn.Culture;
        var context = new CardContext(culture);
        var subject = state.Subject;
        if (!verificationLimiter.TryAcquire(turn.Conversation.Key.TenantId))
        {
            // The walk is past its last step either way: the next click checks again.
            await store.SaveAsync(state.Verifying(state.Watching, time.GetUtcNow()), cancellationToken);
            Log.VerificationLimited(logger);
            return new CardActionOutcome.Answer(CardComposer.FixVerifyWait(culture));
        }

        FixVerification verification;
        TenantHealth? tenant = null;
        if (subject.Serial is { } serial)
        {
            var read = await devices.ReadAsync(turn.Conversation, serial, forceRefresh: true, cancellationToken);
            if (!read.Succeeded) return await KeepVerifyingAsync(state, new CardActionOutcome.Answer(read.FailureText), cancellationToken);
            verification = FixVerification.Of(read.Diagnosis);
        }
        else
        {
            var read = await health.ReadFreshAsync(turn.Conversation, cancellationToken);
            if (!read.Succeeded) return await KeepVerifyingAsync(state, new CardActionOutcome.Answer(read.FailureText), cancellationToken);
            tenant = read.Health;
            verification = FixVerification.Of(subject, tenant);
        }
        Log.Verified(logger, subject.Topic, verification.Outcome);

        switch (verification.Outcome)
        {
            case VerificationOutcome.Fixed:
                await store.RemoveAsync(state.Key, cancellationToken);
                await ForgetFindingAsync(turn, subject, cancellationToken);
                return new CardActionOutcome.Replace(composer.ComposeFixVerified(subject, verification, context));
            case VerificationOutcome.TokenGone:
                await store.RemoveAsync(state.Key, cancellationToken);
                return new CardActionOutcome.Answer(composer.FixTokenGone(subject, culture));
            default:
                var watching = state.Watching || (tenant is not null && await WatchAsync(turn, tenant, subject, cancellationToken));
                var next = state.Verifying(watching, time.GetUtcNow());
                await store.SaveAsync(next, cancellationToken);
                return new CardActionOutcome.Replace(composer.ComposeFixNotYet(next, verification, context));
        }
    }

    private async Task<CardActionOutcome> KeepVerifyingAsync(GuidedFixState state, CardActionOutcome outcome, CancellationToken cancellationToken)
    {
        await store.SaveAsync(state.Verifying(state.Watching, time.GetUtcNow()), cancellationToken);
        return outcome;
    }

    /// When the conversation gets alerts for this finding, makes sure its ledger holds it, so the
    /// next alert check that sees it gone posts one "renewed" / "sync works again" message through
    /// the ledger's cleared path (which then forgets it: never twice).
    private async Task<bool> WatchAsync(ChatTurn turn, TenantHealth tenant, GuidedFixSubject subject, CancellationToken cancellationToken)
    {
        var key = turn.Conversation.Key;
        if (subject.FindingIn(key.TenantId) is not { } finding || !turn.Conversation.Subscribed) return false;
        if (await subscriptions.GetAsync(key, cancellationToken) is not { Active: true } subscription) return false;
        var recorded = await ledger.ReadAsync(key, cancellationToken);
        if (recorded.Find(finding) is { } entry) return subscription.Scope == AlertScope.All || entry.Severity == HealthStatus.Critical;
        var changes = planner.Watch(tenant, subscription, recorded, finding);
        var watching = changes.Count > 0 && await ledger.CommitAsync(key, changes, cancellationToken);
        if (watching) Log.Watching(logger);
        return watching;
    }

    /// The chat just said it is fixed: the alert check must not say it again.
    private async Task ForgetFindingAsync(ChatTurn turn, GuidedFixSubject subject, CancellationToken cancellationToken)
    {
        var key = turn.Conversation.Key;
        if (subject.FindingIn(key.TenantId) is not { } finding) return;
        if ((await ledger.ReadAsync(key, cancellationToken)).Find(finding) is null) return;
        await ledger.CommitAsync(key, [new ForgetFinding(finding)], cancellationToken);
    }

    private async Task<CardActionOutcome> WithStateAsync(ChatTurn turn, CancellationToken cancellationToken, Func<GuidedFixState, Task<CardActionOutcome>> next)
    {
        var key = KeyOf(turn);
        var state = await store.GetAsync(key, cancellationToken);
        if (state is not null && state.IsExpired(time.GetUtcNow(), _idle))
        {
            await store.RemoveAsync(key, cancellationToken);
            state = null;
        }
        return state is null ? new CardActionOutcome.Answer(CardComposer.FixEnded(turn.Culture)) : await next(state);
    }

    private async Task<CardActionOutcome> ReplaceAsync(GuidedFixState state, Func<GuidedFixState, CardContext, Domain.Cards.Model.AdaptiveCard> compose, ChatTurn turn, CancellationToken cancellationToken)
    {
        await store.SaveAsync(state, cancellationToken);
        return new CardActionOutcome.Replace(compose(state, new CardContext(turn.Culture)));
    }

    private static CardActionOutcome Unknown(ChatTurn turn) => new CardActionOutcome.Answer(ChatReplies.UnknownReply(turn.Culture));

    private static partial class Log
    {
        [LoggerMessage(EventId = 4501, Level = LogLevel.Information, Message = "A guided fix started ({Topic})")]
        public static partial void Started(ILogger logger, RemediationTopic topic);

        [LoggerMessage(EventId = 4502, Level = LogLevel.Information, Message = "A guided fix was verified against a fresh read ({Topic}): {Outcome}")]
        public static partial void Verified(ILogger logger, RemediationTopic topic, VerificationOutcome outcome);

        [LoggerMessage(EventId = 4503, Level = LogLevel.Debug, Message = "A verification read was not made: this tenant was read within GuidedFix:VerificationIntervalSeconds")]
        public static partial void VerificationLimited(ILogger logger);

        [LoggerMessage(EventId = 4504, Level = LogLevel.Information, Message = "A guided fix's finding is in the conversation's alert ledger: the next check that sees it fixed says so once")]
        public static partial void Watching(ILogger logger);

        [LoggerMessage(EventId = 4505, Level = LogLevel.Debug, Message = "{Count} guided fixes idle past Conversations:ContextMinutes were forgotten")]
        public static partial void IdleForgotten(ILogger logger, int count);
    }
}
