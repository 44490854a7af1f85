using AdeBot.Connector;

namespace AdeBot.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// The Teams side: the Bot Connector protocol from `Bot:*` and the handler that feeds its
    /// activities to the conversation engine (AddConversations).
    public static IServiceCollection AddTeamsBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotConnector(configuration);
        services.AddSingleton<IBotActivityHandler, TeamsActivityHandler>();
        return services;
    }
}
