using AdeBot.Domain.Alerts;
using AdeBot.Domain.Audit;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.GuidedFix;
using AdeBot.Domain.Inbox;
using AdeBot.Storage.PostgreSql;
using AdeBot.Testing.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AdeBot.Storage.Tests;

/// A new database of its own on the test run's PostgreSQL cluster (PostgreSqlServer).
public sealed class TempPostgreSqlDatabase : TestStorage
{
    private NpgsqlDataSource? _pool;

    public string ConnectionString { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        ConnectionString = await PostgreSqlServer.CreateDatabaseAsync();
        _pool = NpgsqlDataSource.Create(ConnectionString);
    }

    /// A new database object (it migrates again on first use), over the one connection pool of the test.
    public override PostgreSqlDatabase NewDatabase() =>
        new(_pool ?? throw new InvalidOperationException("InitializeAsync first."), ownsDataSource: false, Clock, NullLogger<PostgreSqlDatabase>.Instance);

    public override PostgreSqlAlertStore NewStore() => new(NewDatabase(), Clock);

    public override IInboxStore NewInboxStore() => new PostgreSqlInboxStore(NewDatabase(), Clock);

    public override IAuditTrail NewAuditTrail() => new PostgreSqlAuditTrail(NewDatabase());

    public override IGuidedFixStore NewGuidedFixStore() => new PostgreSqlGuidedFixStore(NewDatabase());

    public override ITenantLeaseStore NewTenantLeaseStore() => new PostgreSqlTenantLeaseStore(NewDatabase(), Clock);

    public override IConversationContextStore NewConversationContextStore() => new PostgreSqlConversationContextStore(NewDatabase());

    public override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = await OpenRawAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<NpgsqlConnection> OpenRawAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override async Task DisposeAsync()
    {
        if (_pool is not null) await _pool.DisposeAsync();
    }
}
