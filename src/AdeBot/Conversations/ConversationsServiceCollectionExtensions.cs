using AdeBot.Connector;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Health;
using AdeBot.Domain.Remediation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdeBot.Conversations;

public static class ConversationsServiceCollectionExtensions
{
    /// The chat side of AdeBot: intents, the card composer and the engine that answers. Needs the
    /// health rules, inventory, storage, access policy and alerts too.
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddCardComposer();
        services.AddSingleton<IntentRecognizer>();
        services.AddSingleton<ConversationEngine>();
        return services;
    }

    /// The composer that chat answers and alerts share, with the health rules and alert settings
    /// (snooze choices) it needs. Both AddConversations and AddAlerts call it; it registers once.
    public static IServiceCollection AddCardComposer(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new CardComposer(
            sp.GetRequiredService<RemediationCatalog>(),
            sp.GetRequiredService<IOptions<HealthRulesOptions>>().Value,
            sp.GetRequiredService<IOptions<AlertOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
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
