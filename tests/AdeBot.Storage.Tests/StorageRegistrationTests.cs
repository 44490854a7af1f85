using AdeBot.Domain.Alerts;
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
