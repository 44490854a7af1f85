using AdeBot.Connector;
using AdeBot.Domain.Conversation;

namespace AdeBot.Conversations;

public static class ConversationsServiceCollectionExtensions
{
    /// The chat side of AdeBot: intents and the engine that answers. Needs the health rules,
    /// inventory, storage, access policy and alerts (which register the card composer) too.
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddSingleton<IntentRecognizer>();
        services.AddSingleton<ConversationEngine>();
        return services;
    }

    /// The Teams side: the Bot Connector protocol from `Bot:*` and the handler that feeds it to the engine.
    public static IServiceCollection AddTeamsBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotConnector(configuration);
        services.AddSingleton<IBotActivityHandler, TeamsActivityHandler>();
        return services;
    }
}
