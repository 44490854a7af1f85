using AdeBot.Domain.Devices;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;
using static AdeBot.Domain.Tests.Devices.DeviceScenarios;
using static AdeBot.Domain.Tests.Health.TokenScenarios;

namespace AdeBot.Domain.Tests.Devices;

/// One diagnosis per verdict, with every fact its texts use filled in.
internal static class DeviceSamples
{
    public static DeviceDiagnosis For(DeviceVerdict verdict, TenantHealth? health = null) => Diagnose(verdict switch
    {
        DeviceVerdict.Enrolled => Facts([Record(AdeEnrollmentState.Enrolled, lastContactAgo: TimeSpan.FromDays(30))], managed: [Managed()]),
        DeviceVerdict.EnrolledWithoutAde => Facts([Record()], managed: [Managed("userEnrollment")]),
        DeviceVerdict.NotInAde => Facts(),
        DeviceVerdict.RemovedFromAbm => Facts([Record(deleted: true)]),
        DeviceVerdict.NoProfile => Facts([Record(profileGuid: null)]),
        DeviceVerdict.ProfileNotFound => Facts([Record(profileGuid: "00000000-dead-4000-8000-000000000000")]),
        DeviceVerdict.PendingReset => Facts([Record(AdeEnrollmentState.PendingReset, lastContactAgo: TimeSpan.FromDays(90))]),
        DeviceVerdict.NotContacted => Facts([Record()]),
        DeviceVerdict.EnrollmentFailed => Facts([Record(AdeEnrollmentState.Failed, lastContactAgo: TimeSpan.FromHours(5))]),
        DeviceVerdict.PlatformBlocked => Facts([Record(AdeEnrollmentState.Failed)], restrictions: new(IosBlocked: true, MacOsBlocked: false, DeviceLimit: 5)),
        DeviceVerdict.Blocked => Facts([Record(AdeEnrollmentState.Blocked, lastContactAgo: TimeSpan.FromHours(2))]),
        DeviceVerdict.EnrolledButNotInIntune => Facts([Record(AdeEnrollmentState.Enrolled, lastContactAgo: TimeSpan.FromDays(60))]),
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    }, health);
}
