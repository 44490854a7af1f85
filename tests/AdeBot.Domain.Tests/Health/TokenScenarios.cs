using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;
using AdeBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Domain.Tests.Health;

/// Builds snapshots around one token under test; everything else in the tenant is healthy, so the
/// token's problems are the only ones the evaluator can find.
internal static class TokenScenarios
{
    public static readonly DateTimeOffset Now = TestClock.Start;

    public static FakeTimeProvider Clock() => new(Now);

    public static AdeToken Ade(
        string name = "Contoso ABM",
        TimeSpan? expiresIn = null,
        TimeSpan? lastSyncAgo = null,
        bool neverSynced = false,
        int? errorCode = 0,
        AppleProgram program = AppleProgram.BusinessManager,
        bool noExpiry = false,
        string? appleId = "it-apple@contoso.example") => new(
            Id: $"ade-{name}",
            Name: name,
            AppleId: appleId,
            Program: program,
            ExpiresAt: noExpiry ? null : Now + (expiresIn ?? TimeSpan.FromDays(200)),
            LastSuccessfulSyncAt: neverSynced ? null : Now - (lastSyncAgo ?? TimeSpan.FromHours(2)),
            LastSyncTriggeredAt: Now - TimeSpan.FromHours(2),
            LastSyncErrorCode: errorCode,
            SyncedDeviceCount: 42);

    public static ApnsCertificate Apns(TimeSpan? expiresIn = null) =>
        new("apns-1", "mdm-push@contoso.example", "com.apple.mgmt.External.1", Now + (expiresIn ?? TimeSpan.FromDays(200)), Now - TimeSpan.FromDays(165));

    public static VppToken Vpp(
        string name = "Contoso Apps",
        TimeSpan? expiresIn = null,
        string state = "valid",
        string lastSyncStatus = "completed",
        string accountType = "business") => new(
            Id: $"vpp-{name}",
            Name: name,
            AppleId: "vpp@contoso.example",
            OrganizationName: "Contoso",
            AccountType: accountType,
            ExpiresAt: Now + (expiresIn ?? TimeSpan.FromDays(200)),
            LastSyncAt: Now - TimeSpan.FromHours(5),
            State: state,
            LastSyncStatus: lastSyncStatus);

    public static TenantSnapshot Snapshot(IEnumerable<AdeToken>? ade = null, IEnumerable<VppToken>? vpp = null, ApnsCertificate? apns = null, bool apnsMissing = false) =>
        new("contoso", SnapshotSource.Sample, Now, [.. ade ?? []], apnsMissing ? null : apns ?? Apns(), [.. vpp ?? []]);

    public static TenantHealth Evaluate(TenantSnapshot snapshot, HealthRulesOptions? options = null) =>
        new HealthEvaluator(options ?? new HealthRulesOptions(), Clock()).Evaluate(snapshot);

    public static TokenHealth Single(TenantHealth health, TokenKind kind) => Assert.Single(health.Tokens, t => t.Kind == kind);
}
