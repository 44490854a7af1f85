using AdeBot.Connector;
using AdeBot.Inbox;
using Microsoft.Extensions.Options;

namespace AdeBot.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// The Teams side: the Bot Connector protocol from `Bot:*`, the durable inbox from `Inbox:*`,
    /// and the handler that records activities in the inbox and feeds them to the conversation
    /// engine (AddConversations). Needs AddAlertStorage for the inbox's store.
    public static IServiceCollection AddTeamsBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotConnector(configuration);
        services.AddSingleton<IValidateOptions<BotOptions>, LocalModeInventoryValidator>();
        services.AddInbox(configuration);
        services.AddSingleton<TeamsActivityHandler>();
        services.AddSingleton<IBotActivityHandler>(sp => sp.GetRequiredService<TeamsActivityHandler>());
        services.AddSingleton<IInboxProcessor>(sp => sp.GetRequiredService<TeamsActivityHandler>());
        return services;
    }
}
