using AdeBot.Domain.Devices;
using AdeBot.Domain.Health;

namespace AdeBot.Devices;

/// One device diagnosis: the lookup, and the verdict when the lookup worked. Chat, the card's
/// "Check again" and the `diagnose` command all go through here.
public sealed record DeviceAnswer(DeviceLookup Lookup, DeviceDiagnosis? Diagnosis);

/// Looks a serial up in one tenant and diagnoses it with the health rules in force.
public sealed class DeviceDiagnoses(IDeviceInventory devices, HealthEvaluator evaluator, DeviceDiagnostician diagnostician)
{
    public async Task<DeviceAnswer> DiagnoseAsync(string tenantId, string serialNumber, bool forceRefresh, CancellationToken cancellationToken)
    {
        var lookup = await devices.LookUpAsync(tenantId, serialNumber, forceRefresh, cancellationToken);
        if (!lookup.Succeeded) return new DeviceAnswer(lookup, null);
        return new DeviceAnswer(lookup, diagnostician.Diagnose(evaluator.Evaluate(lookup.Tokens.Snapshot!), lookup.Facts!));
    }
}
