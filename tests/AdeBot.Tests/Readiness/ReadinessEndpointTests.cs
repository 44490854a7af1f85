using System.Net;
using System.Text.Json.Nodes;
using AdeBot.Storage.PostgreSql;
using AdeBot.Testing;
using AdeBot.Testing.PostgreSql;
using AdeBot.Tests.Access;
using AdeBot.Tests.Conversations;
using AdeBot.Tests.Infrastructure;
using Npgsql;

namespace AdeBot.Tests.Readiness;

/// `/readyz` through the real host: ready with the sample, and 503 naming the check when the
/// database file is gone, when the bot credential cannot get a token, and while a Graph tenant's
/// credential has never got one. `/healthz` stays liveness through all of it.
public sealed class ReadinessEndpointTests
{
    [Fact]
    public async Task With_the_sample_every_check_is_ready()
    {
        await using var host = new AdeBotHost();
        await host.InitializeAsync();

        var (status, body) = await ReadyzAsync(host);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", (string?)body["status"]);
        Assert.Equal(["database", "botCredential", "graphCredentials"], Checks(body).Select(c => (string?)c["name"]));
        Assert.All(Checks(body), check => Assert.Equal("Healthy", (string?)check["status"]));
    }

    [Fact]
    public async Task A_deleted_database_file_makes_it_not_ready_while_healthz_stays_live()
    {
        await using var host = new AdeBotHost();
        await host.InitializeAsync();
        Assert.Equal(HttpStatusCode.OK, (await ReadyzAsync(host)).Status);

        foreach (var file in Directory.GetFiles(host.DataPath, "adebot.db*")) File.Delete(file);
        var (status, body) = await ReadyzAsync(host);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var database = Check(body, "database");
        Assert.Equal("Unhealthy", (string?)database["status"]);
        Assert.Equal("the database file is missing", (string?)database["description"]);
        Assert.Equal("Healthy", (string?)Check(body, "graphCredentials")["status"]);
        using var live = await host.Http.GetAsync("healthz", TestTimeout.Token);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task A_database_that_is_not_a_database_any_more_is_not_ready_and_the_answer_has_no_exception_text()
    {
        await using var host = new AdeBotHost(new Dictionary<string, string?> { ["Storage:ConnectionString"] = "Data Source=adebot.db;Pooling=False" });
        await host.InitializeAsync();
        var file = Path.Combine(host.DataPath, "adebot.db");

        foreach (var extra in Directory.GetFiles(host.DataPath, "adebot.db-*")) File.Delete(extra);
        await File.WriteAllBytesAsync(file, new byte[8192], TestTimeout.Token);
        var (status, body) = await ReadyzAsync(host);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("the database cannot be opened or written", (string?)Check(body, "database")["description"]);
        Assert.DoesNotContain("SQLite", body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_bot_credential_that_cannot_get_a_token_is_named()
    {
        await using var host = new AdeBotHost(authenticated: true);
        host.Credential.Failure = new InvalidOperationException("AADSTS7000215: Invalid client secret provided. secret=not-a-real-secret");
        await host.InitializeAsync();

        var (status, body) = await ReadyzAsync(host);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", (string?)Check(body, "botCredential")["status"]);
        Assert.Equal("Healthy", (string?)Check(body, "database")["status"]);
        Assert.DoesNotContain("AADSTS", body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-secret", body.ToJsonString(), StringComparison.Ordinal);

        host.Credential.Failure = null;
        Assert.Equal(HttpStatusCode.OK, (await ReadyzAsync(host)).Status);
    }

    [Fact]
    public async Task A_graph_tenant_is_not_ready_until_its_credential_got_a_token_once()
    {
        var directory = new FakeDirectoryNetwork().WithUser(AdminGroupBotHost.Admin, AdminGroupBotHost.AdminGroup);
        directory.RefuseSignIn = true;
        await using var host = new AdminGroupBotHost(directory);
        await host.InitializeAsync();

        var (status, body) = await ReadyzAsync(host);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var graph = Check(body, "graphCredentials");
        Assert.Equal("Unhealthy", (string?)graph["status"]);
        Assert.StartsWith("1 of 1 tenants have no Graph token yet (", (string?)graph["description"], StringComparison.Ordinal);
        Assert.DoesNotContain(AdminGroupBotHost.Tenant, body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("client-secret-for-tests", body.ToJsonString(), StringComparison.Ordinal);

        directory.RefuseSignIn = false;
        (status, body) = await ReadyzAsync(host);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("1 of 1 tenants signed in", (string?)Check(body, "graphCredentials")["description"]);

        // Readiness is about set-up: a later refusal is for the metrics and alerts, not a reason to take the instance out.
        directory.RefuseSignIn = true;
        Assert.Equal(HttpStatusCode.OK, (await ReadyzAsync(host)).Status);
    }

    [Fact]
    public async Task On_PostgreSQL_the_database_is_ready_and_a_server_that_refuses_writes_is_not()
    {
        var connectionString = await PostgreSqlServer.CreateDatabaseAsync();
        await using var host = new AdeBotHost(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSQL",
            ["Storage:ConnectionString"] = connectionString,
        });
        await host.InitializeAsync();

        var (status, body) = await ReadyzAsync(host);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"schema version {PostgreSqlDatabase.LatestSchemaVersion}", (string?)Check(body, "database")["description"]);

        await SetReadOnlyAsync(connectionString, readOnly: true);
        (status, body) = await ReadyzAsync(host);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("the database cannot be opened or written", (string?)Check(body, "database")["description"]);
        Assert.DoesNotContain("postgres", body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("127.0.0.1", body.ToJsonString(), StringComparison.Ordinal);

        await SetReadOnlyAsync(connectionString, readOnly: false);
        Assert.Equal(HttpStatusCode.OK, (await ReadyzAsync(host)).Status);
    }

    /// As a failed-over standby or a full server would: every new session refuses writes.
    private static async Task SetReadOnlyAsync(string connectionString, bool readOnly)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ToString());
        await admin.OpenAsync(TestTimeout.Token);
        await using var alter = new NpgsqlCommand($"ALTER DATABASE {database} SET default_transaction_read_only = {(readOnly ? "on" : "off")};", admin);
        await alter.ExecuteNonQueryAsync(TestTimeout.Token);
        // Sessions read the setting when they start: the host's pooled ones are ended.
        await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @database AND pid <> pg_backend_pid();", admin);
        terminate.Parameters.AddWithValue("database", database!);
        await terminate.ExecuteNonQueryAsync(TestTimeout.Token);
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> ReadyzAsync(AdeBotHost host)
    {
        using var response = await host.Http.GetAsync("readyz", TestTimeout.Token);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestTimeout.Token))!);
    }

    private static IEnumerable<JsonNode> Checks(JsonNode body) => body["checks"]!.AsArray().Select(c => c!);

    private static JsonNode Check(JsonNode body, string name) => Checks(body).Single(c => (string?)c["name"] == name);
}
