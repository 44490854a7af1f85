using AdeBot.Domain.Devices;
using AdeBot.Domain.Tokens;
using static AdeBot.Domain.Tests.Devices.DeviceScenarios;
using static AdeBot.Domain.Tests.Health.TokenScenarios;

namespace AdeBot.Domain.Tests.Devices;

public sealed class DeviceDiagnosticianTests
{
    /// One row per verdict: the facts that lead to it, and the severity it carries in a healthy tenant.
    public static TheoryData<string, DeviceFacts, DeviceVerdict, DiagnosisSeverity> Verdicts => new()
    {
        { "ADE Intune record", Facts([Record(AdeEnrollmentState.Enrolled)], managed: [Managed()]), DeviceVerdict.Enrolled, DiagnosisSeverity.Ok },
        { "ADE without user", Facts([Record(AdeEnrollmentState.Enrolled)], managed: [Managed("appleBulkWithoutUser")]), DeviceVerdict.Enrolled, DiagnosisSeverity.Ok },
        { "enrolled per ADE, Intune unreadable", Facts([Record(AdeEnrollmentState.Enrolled)], managedUnknown: true), DeviceVerdict.Enrolled, DiagnosisSeverity.Ok },
        { "Intune record, not ADE", Facts([Record()], managed: [Managed("userEnrollment")]), DeviceVerdict.EnrolledWithoutAde, DiagnosisSeverity.Warning },
        { "Intune record, in no token", Facts(managed: [Managed("deviceEnrollmentManager")]), DeviceVerdict.EnrolledWithoutAde, DiagnosisSeverity.Warning },
        { "in no token", Facts(), DeviceVerdict.NotInAde, DiagnosisSeverity.Critical },
        { "in no token, Intune unreadable", Facts(managedUnknown: true), DeviceVerdict.NotInAde, DiagnosisSeverity.Critical },
        { "removed from ABM", Facts([Record(deleted: true)]), DeviceVerdict.RemovedFromAbm, DiagnosisSeverity.Critical },
        { "no profile, no default", Facts([Record(profileGuid: null)]), DeviceVerdict.NoProfile, DiagnosisSeverity.Critical },
        { "no profile, only a macOS default", Facts([Record(profileGuid: " ")], Profiles(withMacDefault: true)), DeviceVerdict.NoProfile, DiagnosisSeverity.Critical },
        { "profile gone", Facts([Record(profileGuid: "00000000-dead-4000-8000-000000000000")]), DeviceVerdict.ProfileNotFound, DiagnosisSeverity.Critical },
        { "pending reset", Facts([Record(AdeEnrollmentState.PendingReset)]), DeviceVerdict.PendingReset, DiagnosisSeverity.Warning },
        { "never contacted", Facts([Record()]), DeviceVerdict.NotContacted, DiagnosisSeverity.Warning },
        { "never contacted, default profile", Facts([Record(profileGuid: null)], Profiles(withIosDefault: true)), DeviceVerdict.NotContacted, DiagnosisSeverity.Warning },
        { "failed", Facts([Record(AdeEnrollmentState.Failed, lastContactAgo: TimeSpan.FromHours(5))]), DeviceVerdict.EnrollmentFailed, DiagnosisSeverity.Critical },
        { "failed, no contact time", Facts([Record(AdeEnrollmentState.Failed)]), DeviceVerdict.EnrollmentFailed, DiagnosisSeverity.Critical },
        { "contacted, never enrolled", Facts([Record(lastContactAgo: TimeSpan.FromDays(1))]), DeviceVerdict.EnrollmentFailed, DiagnosisSeverity.Critical },
        { "iOS blocked", Facts([Record(AdeEnrollmentState.Failed)], restrictions: new(IosBlocked: true, MacOsBlocked: false, DeviceLimit: 5)), DeviceVerdict.PlatformBlocked, DiagnosisSeverity.Critical },
        { "macOS blocked", Facts([Record(platform: DevicePlatform.MacOs)], restrictions: new(IosBlocked: false, MacOsBlocked: true, DeviceLimit: null)), DeviceVerdict.PlatformBlocked, DiagnosisSeverity.Critical },
        { "userless blocked", Facts([Record(AdeEnrollmentState.Blocked)]), DeviceVerdict.Blocked, DiagnosisSeverity.Critical },
        { "enrolled per ADE, no Intune record", Facts([Record(AdeEnrollmentState.Enrolled)]), DeviceVerdict.EnrolledButNotInIntune, DiagnosisSeverity.Critical },
    };

    [Theory]
    [MemberData(nameof(Verdicts))]
    public void Each_verdict_follows_from_its_facts(string scenario, DeviceFacts facts, DeviceVerdict verdict, DiagnosisSeverity severity)
    {
        var diagnosis = Diagnose(facts);

        Assert.True(verdict == diagnosis.Verdict, $"{scenario}: {diagnosis.Verdict}");
        Assert.Equal(severity, diagnosis.Severity);
        Assert.Empty(diagnosis.Blockers);
    }

    [Fact]
    public void Every_verdict_has_a_row() =>
        Assert.Equal(Enum.GetValues<DeviceVerdict>().Order(), Verdicts.Select(row => (DeviceVerdict)row[2]).Distinct().Order());

    /// One row per blocker: the tenant problem, and that it is listed first and makes a device
    /// that still has to enroll critical.
    public static TheoryData<string, TenantSnapshot, DeviceBlocker> Blockers => new()
    {
        { "token expired", Snapshot(ade: [Ade("Contoso ABM", expiresIn: TimeSpan.FromDays(-2))]), DeviceBlocker.TokenExpired },
        { "sync error", Snapshot(ade: [Ade("Contoso ABM", errorCode: 7)]), DeviceBlocker.TokenSyncError },
        { "terms", Snapshot(ade: [Ade("Contoso ABM", errorCode: 3)]), DeviceBlocker.TermsNotAccepted },
        { "stale sync", Snapshot(ade: [Ade("Contoso ABM", lastSyncAgo: TimeSpan.FromHours(80))]), DeviceBlocker.TokenSyncStale },
        { "never synced, old token", Snapshot(ade: [Ade("Contoso ABM", neverSynced: true)]), DeviceBlocker.TokenSyncStale },
        { "APNs expired", Snapshot(ade: [Token], apns: Apns(TimeSpan.FromDays(-1))), DeviceBlocker.ApnsExpired },
        { "APNs missing", Snapshot(ade: [Token], apnsMissing: true), DeviceBlocker.ApnsMissing },
    };

    [Theory]
    [MemberData(nameof(Blockers))]
    public void Each_blocker_is_listed_for_a_device_that_still_has_to_enroll(string scenario, TenantSnapshot snapshot, DeviceBlocker blocker)
    {
        var diagnosis = Diagnose(Facts([Record()]), Evaluate(snapshot));

        var found = Assert.Single(diagnosis.Blockers);
        Assert.True(blocker == found.Code, scenario);
        Assert.Equal(DeviceVerdict.NotContacted, diagnosis.Verdict);
        Assert.Equal(DiagnosisSeverity.Critical, diagnosis.Severity);
    }

    [Fact]
    public void Every_blocker_has_a_row() =>
        Assert.Equal(Enum.GetValues<DeviceBlocker>().Order(), Blockers.Select(row => (DeviceBlocker)row[2]).Distinct().Order());

    [Theory]
    [InlineData(71 * 60 + 59, false)]
    [InlineData(72 * 60, true)]
    [InlineData(24 * 60 + 1, false)] // a warning for the health answer, not yet a blocker
    [InlineData(200 * 60, true)]
    public void A_token_blocks_once_its_last_sync_is_as_old_as_a_critical_one(int minutesSinceSync, bool blocks)
    {
        var stale = Ade("Contoso ABM", lastSyncAgo: TimeSpan.FromMinutes(minutesSinceSync));

        var diagnosis = Diagnose(Facts([Record()]), Evaluate(Snapshot(ade: [stale])));

        Assert.Equal(blocks, diagnosis.Blockers.Any(b => b.Code == DeviceBlocker.TokenSyncStale));
    }

    [Fact]
    public void Token_problems_do_not_block_an_enrolled_device_but_the_push_certificate_does()
    {
        var broken = Evaluate(Snapshot(ade: [Ade("Contoso ABM", expiresIn: TimeSpan.FromDays(-2))], apns: Apns(TimeSpan.FromDays(-1))));

        var diagnosis = Diagnose(Facts([Record(AdeEnrollmentState.Enrolled)], managed: [Managed()]), broken);

        Assert.Equal(DeviceVerdict.Enrolled, diagnosis.Verdict);
        Assert.Equal([DeviceBlocker.ApnsExpired], diagnosis.Blockers.Select(b => b.Code));
        Assert.Equal(DiagnosisSeverity.Warning, diagnosis.Severity);
    }

    [Fact]
    public void A_device_in_no_token_is_blocked_by_every_token_that_cannot_sync()
    {
        var health = Evaluate(Snapshot(ade: [Ade("North", errorCode: 3), Ade("South", expiresIn: TimeSpan.FromDays(-5)), Ade("Fine")], apnsMissing: true));

        var diagnosis = Diagnose(Facts(), health);

        Assert.Equal(DeviceVerdict.NotInAde, diagnosis.Verdict);
        Assert.Equal(DeviceBlocker.ApnsMissing, diagnosis.Blockers[0].Code);
        Assert.Equal([DeviceBlocker.TokenExpired, DeviceBlocker.TermsNotAccepted], diagnosis.Blockers.Skip(1).Select(b => b.Code).Order());
        Assert.Equal(["North", "South"], diagnosis.Blockers.Skip(1).Select(b => b.Token.Name).Order());
        Assert.Equal(3, diagnosis.AdeTokenCount);
    }

    [Fact]
    public void Only_the_tokens_the_device_is_in_can_block_it()
    {
        var other = Ade("Other ABM", errorCode: 7);

        var diagnosis = Diagnose(Facts([Record()]), Evaluate(Snapshot(ade: [Token, other])));

        Assert.Empty(diagnosis.Blockers);
    }

    [Theory]
    [InlineData(ProfileGuid)]
    [InlineData("7C0F4D2E-9A51-4B8E-B1C3-2D4E6F8A0B1C")]
    [InlineData("ade-Contoso ABM_7c0f4d2e-9a51-4b8e-b1c3-2d4e6f8a0b1c")]
    public void The_assigned_profile_is_found_by_the_guid_part_of_its_id(string requested)
    {
        var diagnosis = Diagnose(Facts([Record(profileGuid: requested)]));

        Assert.Equal("Corporate iPads", diagnosis.Device!.Profile!.Name);
        Assert.False(diagnosis.Device.ProfileIsDefault);
        Assert.False(diagnosis.Device.ProfileMissing);
    }

    [Fact]
    public void A_device_without_a_profile_gets_the_default_of_its_platform()
    {
        var diagnosis = Diagnose(Facts([Record(profileGuid: null)], Profiles(withIosDefault: true)));

        Assert.Equal("Default iPads", diagnosis.Device!.Profile!.Name);
        Assert.True(diagnosis.Device.ProfileIsDefault);
    }

    [Fact]
    public void A_profile_that_is_the_default_is_marked_so()
    {
        var diagnosis = Diagnose(Facts([Record(profileGuid: DefaultGuid)], Profiles(withIosDefault: true)));

        Assert.True(diagnosis.Device!.ProfileIsDefault);
    }

    [Fact]
    public void A_serial_in_two_tokens_shows_both_and_judges_the_one_still_in_apple_business_manager()
    {
        var second = Ade("Schools ASM", program: AppleProgram.SchoolManager);
        var facts = Facts([Record(deleted: true, assignedAgo: TimeSpan.FromDays(1)), Record(AdeEnrollmentState.Failed, tokenId: second.Id, assignedAgo: TimeSpan.FromDays(40))]);

        var diagnosis = Diagnose(facts, Healthy(Token, second));

        Assert.Equal(2, diagnosis.Matches.Count);
        Assert.Equal(second.Id, diagnosis.Device!.Record.TokenId);
        Assert.Equal("Schools ASM", diagnosis.Device.TokenName);
        Assert.Equal(DeviceVerdict.EnrollmentFailed, diagnosis.Verdict);
    }

    [Fact]
    public void Records_of_another_serial_are_never_taken_for_this_one()
    {
        // What a filter that Graph applied loosely would return: serials that contain the one asked for.
        var facts = Facts(
            [Record(serial: "XC02ZP4MNQR13"), Record(serial: "C02ZP4MNQR1"), Record(AdeEnrollmentState.Enrolled, serial: " c02zp4mnqr13 ")],
            managed: [Managed() with { SerialNumber = "C02ZP4MNQR13X" }]);

        var diagnosis = Diagnose(facts);

        var match = Assert.Single(diagnosis.Matches);
        Assert.Equal(" c02zp4mnqr13 ", match.Record.SerialNumber);
        Assert.Null(diagnosis.ManagedDevice);
        Assert.Equal(DeviceVerdict.EnrolledButNotInIntune, diagnosis.Verdict);
    }

    [Fact]
    public void Of_several_Intune_records_with_the_serial_the_ADE_one_counts()
    {
        var facts = Facts([Record(AdeEnrollmentState.Enrolled)],
            managed: [Managed("appleBulkWithUser", enrolledAgo: TimeSpan.FromDays(10)), Managed("userEnrollment", enrolledAgo: TimeSpan.FromDays(1))]);

        var diagnosis = Diagnose(facts);

        Assert.Equal(DeviceVerdict.Enrolled, diagnosis.Verdict);
        Assert.Equal("appleBulkWithUser", diagnosis.ManagedDevice!.EnrollmentType);
    }

    [Fact]
    public void The_diagnosis_carries_the_missing_permission_and_the_normalized_serial()
    {
        var diagnosis = Diagnose(Facts([Record(AdeEnrollmentState.Enrolled)], managedUnknown: true) with { SerialNumber = " c02zp4mnqr13" });

        Assert.Equal(Serial, diagnosis.SerialNumber);
        Assert.False(diagnosis.ManagedDevicesKnown);
        Assert.Equal(["DeviceManagementManagedDevices.Read.All"], diagnosis.MissingPermissions);
    }
}
