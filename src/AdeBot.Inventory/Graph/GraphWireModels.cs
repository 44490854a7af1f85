using AdeBot.Domain.Tokens;
using Microsoft.Kiota.Abstractions.Serialization;

namespace AdeBot.Inventory;

/// Our own Kiota models for the three resources: the v1.0 SDK has no depOnboardingSetting, and its
/// enum-typed models would drop values Graph adds later. They read only the fields AdeBot uses (the
/// same list is sent as $select), keep enums as strings, and ignore every other property, so the
/// VPP `token` is never held even if Graph sent it.
internal interface IGraphModel<TSelf> : IParsable where TSelf : IGraphModel<TSelf>
{
    static abstract TSelf Create(IParseNode node);
}

internal static class GraphFields
{
    public static Dictionary<string, Action<IParseNode>> Of(params (string Name, Action<IParseNode> Read)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Read, StringComparer.OrdinalIgnoreCase);

    public static string Select<T>(T model) where T : IParsable =>
        string.Join(',', model.GetFieldDeserializers().Keys.Where(k => k != "value"));
}

/// An OData collection page: `{ "value": [...], "@odata.nextLink": "..." }`.
internal sealed class GraphPage<TItem> : IGraphModel<GraphPage<TItem>> where TItem : IGraphModel<TItem>
{
    public List<TItem>? Value { get; set; }
    public string? NextLink { get; set; }

    public static GraphPage<TItem> Create(IParseNode node) => new();

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => GraphFields.Of(
        ("value", n => Value = [.. n.GetCollectionOfObjectValues<TItem>(TItem.Create)]),
        ("@odata.nextLink", n => NextLink = n.GetStringValue()));

    public void Serialize(ISerializationWriter writer)
    {
        writer.WriteStringValue("@odata.nextLink", NextLink);
        writer.WriteCollectionOfObjectValues("value", Value);
    }
}

/// beta `depOnboardingSetting`.
internal sealed class DepOnboardingSettingModel : IGraphModel<DepOnboardingSettingModel>
{
    public static readonly string Select = GraphFields.Select(new DepOnboardingSettingModel());

    public string? Id { get; set; }
    public string? TokenName { get; set; }
    public string? AppleIdentifier { get; set; }
    public string? TokenType { get; set; }
    public DateTimeOffset? TokenExpirationDateTime { get; set; }
    public DateTimeOffset? LastSuccessfulSyncDateTime { get; set; }
    public DateTimeOffset? LastSyncTriggeredDateTime { get; set; }
    public int? LastSyncErrorCode { get; set; }
    public int? SyncedDeviceCount { get; set; }

    public static DepOnboardingSettingModel Create(IParseNode node) => new();

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => GraphFields.Of(
        ("id", n => Id = n.GetStringValue()),
        ("tokenName", n => TokenName = n.GetStringValue()),
        ("appleIdentifier", n => AppleIdentifier = n.GetStringValue()),
        ("tokenType", n => TokenType = n.GetStringValue()),
        ("tokenExpirationDateTime", n => TokenExpirationDateTime = n.GetDateTimeOffsetValue()),
        ("lastSuccessfulSyncDateTime", n => LastSuccessfulSyncDateTime = n.GetDateTimeOffsetValue()),
        ("lastSyncTriggeredDateTime", n => LastSyncTriggeredDateTime = n.GetDateTimeOffsetValue()),
        ("lastSyncErrorCode", n => LastSyncErrorCode = n.GetIntValue()),
        ("syncedDeviceCount", n => SyncedDeviceCount = n.GetIntValue()));

    public void Serialize(ISerializationWriter writer)
    {
        writer.WriteStringValue("id", Id);
        writer.WriteStringValue("tokenName", TokenName);
        writer.WriteStringValue("appleIdentifier", AppleIdentifier);
        writer.WriteStringValue("tokenType", TokenType);
        writer.WriteDateTimeOffsetValue("tokenExpirationDateTime", TokenExpirationDateTime);
        writer.WriteDateTimeOffsetValue("lastSuccessfulSyncDateTime", LastSuccessfulSyncDateTime);
        writer.WriteDateTimeOffsetValue("lastSyncTriggeredDateTime", LastSyncTriggeredDateTime);
        writer.WriteIntValue("lastSyncErrorCode", LastSyncErrorCode);
        writer.WriteIntValue("syncedDeviceCount", SyncedDeviceCount);
    }

    public AdeToken ToToken()
    {
        var id = Id ?? throw new InvalidDataException("A depOnboardingSetting has no id.");
        return new AdeToken(id, TokenName ?? AppleIdentifier ?? id, AppleIdentifier, ProgramOf(TokenType),
            TokenExpirationDateTime, LastSuccessfulSyncDateTime, LastSyncTriggeredDateTime, LastSyncErrorCode, SyncedDeviceCount);
    }

    /// Graph `depTokenType`: `dep` is Apple Business (Manager), `appleSchoolManager` is Apple School Manager;
    /// `none` and names Graph adds later are Unknown.
    public static AppleProgram ProgramOf(string? tokenType) => tokenType?.ToLowerInvariant() switch
    {
        "dep" => AppleProgram.BusinessManager,
        "appleschoolmanager" => AppleProgram.SchoolManager,
        _ => AppleProgram.Unknown,
    };
}

/// v1.0 `applePushNotificationCertificate`. Some Intune reference pages show this singleton wrapped
/// in `"value": {...}`; both shapes are read.
internal sealed class ApplePushNotificationCertificateModel : IGraphModel<ApplePushNotificationCertificateModel>
{
    public static readonly string Select = GraphFields.Select(new ApplePushNotificationCertificateModel());

    public string? Id { get; set; }
    public string? AppleIdentifier { get; set; }
    public string? TopicIdentifier { get; set; }
    public DateTimeOffset? ExpirationDateTime { get; set; }
    public DateTimeOffset? LastModifiedDateTime { get; set; }
    public ApplePushNotificationCertificateModel? Wrapped { get; set; }

    public static ApplePushNotificationCertificateModel Create(IParseNode node) => new();

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => GraphFields.Of(
        ("id", n => Id = n.GetStringValue()),
        ("appleIdentifier", n => AppleIdentifier = n.GetStringValue()),
        ("topicIdentifier", n => TopicIdentifier = n.GetStringValue()),
        ("expirationDateTime", n => ExpirationDateTime = n.GetDateTimeOffsetValue()),
        ("lastModifiedDateTime", n => LastModifiedDateTime = n.GetDateTimeOffsetValue()),
        ("value", n => Wrapped = n.GetObjectValue(Create)));

    public void Serialize(ISerializationWriter writer)
    {
        writer.WriteStringValue("id", Id);
        writer.WriteStringValue("appleIdentifier", AppleIdentifier);
        writer.WriteStringValue("topicIdentifier", TopicIdentifier);
        writer.WriteDateTimeOffsetValue("expirationDateTime", ExpirationDateTime);
        writer.WriteDateTimeOffsetValue("lastModifiedDateTime", LastModifiedDateTime);
        writer.WriteObjectValue("value", Wrapped);
    }

    public ApnsCertificate ToCertificate()
    {
        var entity = Id is null && Wrapped?.Id is not null ? Wrapped : this;
        var id = entity.Id ?? throw new InvalidDataException("The applePushNotificationCertificate has no id.");
        return new ApnsCertificate(id, entity.AppleIdentifier, entity.TopicIdentifier, entity.ExpirationDateTime, entity.LastModifiedDateTime);
    }
}

/// v1.0 `vppToken`, without its `token` field.
internal sealed class VppTokenModel : IGraphModel<VppTokenModel>
{
    public static readonly string Select = GraphFields.Select(new VppTokenModel());

    public string? Id { get; set; }
    public string? OrganizationName { get; set; }
    public string? AppleId { get; set; }
    public string? VppTokenAccountType { get; set; }
    public DateTimeOffset? ExpirationDateTime { get; set; }
    public DateTimeOffset? LastSyncDateTime { get; set; }
    public string? State { get; set; }
    public string? LastSyncStatus { get; set; }

    public static VppTokenModel Create(IParseNode node) => new();

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => GraphFields.Of(
        ("id", n => Id = n.GetStringValue()),
        ("organizationName", n => OrganizationName = n.GetStringValue()),
        ("appleId", n => AppleId = n.GetStringValue()),
        ("vppTokenAccountType", n => VppTokenAccountType = n.GetStringValue()),
        ("expirationDateTime", n => ExpirationDateTime = n.GetDateTimeOffsetValue()),
        ("lastSyncDateTime", n => LastSyncDateTime = n.GetDateTimeOffsetValue()),
        ("state", n => State = n.GetStringValue()),
        ("lastSyncStatus", n => LastSyncStatus = n.GetStringValue()));

    public void Serialize(ISerializationWriter writer)
    {
        writer.WriteStringValue("id", Id);
        writer.WriteStringValue("organizationName", OrganizationName);
        writer.WriteStringValue("appleId", AppleId);
        writer.WriteStringValue("vppTokenAccountType", VppTokenAccountType);
        writer.WriteDateTimeOffsetValue("expirationDateTime", ExpirationDateTime);
        writer.WriteDateTimeOffsetValue("lastSyncDateTime", LastSyncDateTime);
        writer.WriteStringValue("state", State);
        writer.WriteStringValue("lastSyncStatus", LastSyncStatus);
    }

    /// v1.0 has no display name for a location token; the organization name is what the portal lists.
    /// A missing state reads as Graph's own "unknown".
    public VppToken ToToken()
    {
        var id = Id ?? throw new InvalidDataException("A vppToken has no id.");
        return new VppToken(id, OrganizationName ?? AppleId ?? id, AppleId, OrganizationName, VppTokenAccountType,
            ExpirationDateTime, LastSyncDateTime, State ?? "unknown", LastSyncStatus ?? "unknown");
    }
}

/// beta `connectorStatusDetails`, one row of `deviceManagement/connectorStatus` (Intune's tenant
/// status roll-up). Names and states stay strings: Graph adds connectors (`futureValue`).
internal sealed class ConnectorStatusModel : IGraphModel<ConnectorStatusModel>
{
    public string? ConnectorName { get; set; }
    public string? ConnectorInstanceId { get; set; }
    public string? Status { get; set; }
    public DateTimeOffset? EventDateTime { get; set; }

    public static ConnectorStatusModel Create(IParseNode node) => new();

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => GraphFields.Of(
        ("connectorName", n => ConnectorName = n.GetStringValue()),
        ("connectorInstanceId", n => ConnectorInstanceId = n.GetStringValue()),
        ("status", n => Status = n.GetStringValue()),
        ("eventDateTime", n => EventDateTime = n.GetDateTimeOffsetValue()));

    public void Serialize(ISerializationWriter writer)
    {
        writer.WriteStringValue("connectorName", ConnectorName);
        writer.WriteStringValue("connectorInstanceId", ConnectorInstanceId);
        writer.WriteStringValue("status", Status);
        writer.WriteDateTimeOffsetValue("eventDateTime", EventDateTime);
    }

    /// Only the rows about the three Apple connectors AdeBot judges; the rest (Autopilot, NDES, ...) are dropped.
    public PortalConnectorStatus? ToStatus()
    {
        TokenKind? kind = ConnectorName switch
        {
            { } name when name.StartsWith("appleDep", StringComparison.OrdinalIgnoreCase) => TokenKind.Ade,
            { } name when name.StartsWith("vppToken", StringComparison.OrdinalIgnoreCase) => TokenKind.Vpp,
            { } name when name.StartsWith("applePushNotificationService", StringComparison.OrdinalIgnoreCase) => TokenKind.Apns,
            _ => null,
        };
        if (kind is null) return null;
        var health = Status?.ToLowerInvariant() switch
        {
            "healthy" => PortalHealth.Healthy,
            "warning" => PortalHealth.Warning,
            "unhealthy" => PortalHealth.Unhealthy,
            _ => PortalHealth.Unknown,
        };
        return new PortalConnectorStatus(kind.Value, ConnectorInstanceId, health);
    }
}
