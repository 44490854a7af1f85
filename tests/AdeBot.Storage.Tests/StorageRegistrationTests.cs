using AdeBot.Domain.Alerts;
using AdeBot.Domain.Audit;
using AdeBot.Domain.Inbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AdeBot.Storage.Tests;

public sealed class StorageRegistrationTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData(null, null, "data/adebot.db")]
    [InlineData("Data Source=alerts/bot.db", null, "data/alerts/bot.db")]
    [InlineData(null, "state", "state/adebot.db")]
    public async Task Start_up_creates_and_migrates_the_database_under_the_content_root(string? connectionString, string? dataPath, string expectedFile)
    {
        using var host = Host(new() { ["Storage:ConnectionString"] = connectionString, ["Storage:DataPath"] = dataPath });

        await host.StartAsync();

        Assert.True(File.Exists(Path.Combine(_db.Folder, expectedFile)));
        var store = host.Services.GetRequiredService<ISubscriptionStore>();
        Assert.Same(store, host.Services.GetRequiredService<IAlertLedger>());
        await store.UpsertConversationAsync(TempDatabase.Conversation(), true, CancellationToken.None);
        Assert.Equal(["contoso"], (await store.ListActiveByTenantAsync(CancellationToken.None)).Select(t => t.TenantId));
        await host.StopAsync();
    }

    [Fact]
    public async Task An_absolute_database_path_is_used_as_it_is()
    {
        var file = Path.Combine(_db.Folder, "elsewhere", "bot.db");
        using var host = Host(new() { ["Storage:ConnectionString"] = $"Data Source={file}" });

        await host.StartAsync();

        Assert.True(File.Exists(file));
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=adebot.db;Mode=Memory")]
    [InlineData("Data Source=adebot.db;Mode=ReadOnly")]
    [InlineData("Data Source=")]
    [InlineData("Nonsense=1")]
    public async Task A_connection_string_that_cannot_hold_the_data_stops_start_up(string connectionString)
    {
        using var host = Host(new() { ["Storage:ConnectionString"] = connectionString });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:ConnectionString", error.Message);
        Assert.False(File.Exists(_db.FilePath));
    }

    [Fact]
    public async Task With_the_PostgreSQL_provider_every_store_is_the_server_s_and_no_file_is_written()
    {
        await using var server = new TempPostgreSqlDatabase();
        await server.InitializeAsync();
        using var host = Host(new() { ["Storage:Provider"] = "PostgreSQL", ["Storage:ConnectionString"] = server.ConnectionString });

        await host.StartAsync();

        Assert.IsType<PostgreSql.PostgreSqlAlertStore>(host.Services.GetRequiredService<ISubscriptionStore>());
        Assert.Same(host.Services.GetRequiredService<ISubscriptionStore>(), host.Services.GetRequiredService<IAlertLedger>());
        Assert.IsType<PostgreSql.PostgreSqlInboxStore>(host.Services.GetRequiredService<IInboxStore>());
        Assert.IsType<PostgreSql.PostgreSqlAuditTrail>(host.Services.GetRequiredService<IAuditTrail>());
        Assert.True((await host.Services.GetRequiredService<IStorageDatabase>().CheckReadinessAsync(CancellationToken.None)).Ready);
        await host.Services.GetRequiredService<ISubscriptionStore>().UpsertConversationAsync(TempDatabase.Conversation(), true, CancellationToken.None);
        Assert.NotNull(await server.NewStore().GetAsync(TempDatabase.Conversation().Key, CancellationToken.None));
        Assert.False(Directory.Exists(Path.Combine(_db.Folder, "data")));
        await host.StopAsync();
    }

    [Theory]
    [InlineData(null, "is required when Storage:Provider is PostgreSQL")]
    [InlineData(" ", "is required when Storage:Provider is PostgreSQL")]
    [InlineData("Database=adebot;Username=adebot;Password=s3cret-Pa55", "must name the PostgreSQL server")]
    [InlineData("Host=db;Password=s3cret-Pa55;Unknown Keyword=1", "is not a valid PostgreSQL connection string")]
    [InlineData("Host=db;Port=not-a-port;Password=s3cret-Pa55", "is not a valid PostgreSQL connection string")]
    public async Task A_PostgreSQL_provider_without_a_usable_connection_string_stops_start_up_naming_the_key_and_not_the_password(
        string? connectionString, string problem)
    {
        using var host = Host(new() { ["Storage:Provider"] = "PostgreSQL", ["Storage:ConnectionString"] = connectionString });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"Storage:ConnectionString {problem}", error.Message);
        Assert.DoesNotContain("s3cret-Pa55", error.Message);
    }

    private IHost Host(Dictionary<string, string?> settings)
    {
        Directory.CreateDirectory(_db.Folder);
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _db.Folder, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Where(s => s.Value is not null));
        builder.Services.AddLogging();
        builder.Services.AddAlertStorage(builder.Configuration, builder.Environment.ContentRootPath);
        return builder.Build();
    }
}
