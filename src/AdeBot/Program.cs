using AdeBot.Access;
using AdeBot.Alerts;
using AdeBot.Cli;
using AdeBot.Connector;
using AdeBot.Conversations;
using AdeBot.Teams;
using AdeBot.Health;
using AdeBot.Hosting;
using AdeBot.Inventory;
using AdeBot.Packaging;
using AdeBot.Site;
using AdeBot.Storage;

if (args is [PackageCommand.Name, .. var packageArguments])
    return await PackageCommand.RunAsync(packageArguments, Console.Out, Console.Error);

var command = CliCommand.Parse(args);
var builder = WebApplication.CreateBuilder(command is null ? args : []);
if (command is not null) builder.UseCommandDefaults(command);

builder.Services.AddTokenHealth(builder.Configuration);
builder.Services.AddTokenInventory(builder.Configuration);
builder.Services.AddAlertStorage(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddAccessPolicy(builder.Configuration);
builder.Services.AddConversations();
builder.Services.AddAlerts(builder.Configuration);
builder.Services.AddHealthChecks();
if (command is null) builder.Services.AddTeamsBot(builder.Configuration);

var app = builder.Build();
if (command is not null)
    return await command.RunAsync(app.Services, Console.Out, Console.Error, app.Lifetime.ApplicationStopping);

app.MapHealthChecks("/healthz");
app.MapSitePages();
app.MapBotMessages();
return await app.RunOrExplainAsync();

public partial class Program;
