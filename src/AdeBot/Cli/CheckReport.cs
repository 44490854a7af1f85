using System.Text.Json;
using System.Text.Json.Serialization;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;

namespace AdeBot.Cli;

/// The machine-readable shape of `check --json`. Statuses and problem codes come from the health
/// rules; this type only decides how they are written.
public sealed record CheckReport(IReadOnlyList<TenantReport> Tenants)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// Monitoring-plugin convention: 0 OK, 1 warning, 2 critical, 3 the check itself failed.
    /// A critical finding outranks a failed read of another tenant: it is the more urgent news.
    public int ExitCode
    {
        get
        {
            var worst = HealthEvaluator.Worst(Tenants.Where(t => t.Health is not null).Select(t => t.Health!.Status));
            if (worst == HealthStatus.Critical) return 2;
            if (Tenants.Any(t => t.Error is not null)) return 3;
            return worst == HealthStatus.Warning ? 1 : 0;
        }
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        tenants = Tenants.Select(t => new
        {
            tenantId = t.TenantId,
            source = t.Source,
            asOf = t.Health?.AsOf,
            stale = t.IsStale ? true : (bool?)null,
            error = t.Error,
            status = t.Health?.Status,
            tokens = (t.Health?.Tokens ?? []).Select(token => new
            {
                id = token.Id,
                kind = token.Kind,
                name = token.Name,
                appleId = token.AppleId,
                program = token.Kind == TokenKind.Ade ? token.Program : (AppleProgram?)null,
                expiresAt = token.ExpiresAt,
                lastSuccessfulSyncAt = token.LastSuccessfulSyncAt,
                status = token.Status,
                problems = token.Problems.Select(p => new
                {
                    code = p.Code,
                    severity = p.Severity,
                    daysLeft = p.DaysLeft,
                    errorCode = p.ErrorCode,
                    hoursSinceSync = p.HoursSinceSync,
                    state = p.State,
                }),
            }),
        }),
    }, JsonOptions);
}

public sealed record CheckError(string Code, string Message, string? Permission = null);

public sealed record TenantReport(string TenantId, SnapshotSource Source, TenantHealth? Health, bool IsStale, CheckError? Error);
