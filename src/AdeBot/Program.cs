using AdeBot.Access;
using AdeBot.Alerts;
using AdeBot.Audit;
using AdeBot.Cli;
using AdeBot.Connector;
using AdeBot.Conversations;
using AdeBot.Conversations.GuidedFix;
using AdeBot.Teams;
using AdeBot.Health;
using AdeBot.Hosting;
using AdeBot.Inventory;
using AdeBot.Readiness;
using AdeBot.Site;
using AdeBot.Storage;
using AdeBot.Telemetry;

var commandLine = AdeBotCommandLine.Parse(args);
if (commandLine.RunsWithoutHost) return await commandLine.RunWithoutHostAsync(Console.Out, Console.Error);

var command = commandLine.HostedCommand;
var builder = WebApplication.CreateBuilder(commandLine.HostArguments);
if (command is not null) builder.UseCommandDefaults(command);

builder.Services.AddTokenHealth(builder.Configuration);
builder.Services.AddTokenInventory(builder.Configuration);
builder.Services.AddAlertStorage(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddAccessPolicy(builder.Configuration);
builder.Services.AddConversations();
builder.Services.AddGuidedFix(builder.Configuration);
builder.Services.AddAlerts(builder.Configuration);
builder.Services.AddAudit(builder.Configuration);
builder.Services.AddTelemetry(builder.Configuration);
builder.Services.AddReadiness();
if (command is null) builder.Services.AddTeamsBot(builder.Configuration);

var app = builder.Build();
if (command is not null)
    return await command.RunAsync(app.Services, Console.Out, Console.Error, app.Lifetime.ApplicationStopping);

app.MapHealthEndpoints();
app.MapTelemetry();
app.MapSitePages();
app.MapBotMessages();
return await app.RunOrExplainAsync();

public partial class Program;
