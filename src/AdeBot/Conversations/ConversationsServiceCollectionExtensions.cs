using AdeBot.Conversations.CardActions;
using AdeBot.Conversations.Intents;
using AdeBot.Conversations.Memory;
using AdeBot.Devices;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Devices;
using AdeBot.Health;
using AdeBot.Teams;
using AdeBot.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdeBot.Conversations;

public static class ConversationsServiceCollectionExtensions
{
    /// The chat side of AdeBot: the recognizer, one handler per intent, the card action handler and
    /// the engine that routes to them. Needs the health rules, inventory, storage, access policy and
    /// alert options (AddTokenHealth, AddTokenInventory, AddAlertStorage, AddAccessPolicy, AddAlerts).
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddCardComposer();
        services.AddAdeBotMetrics();
        services.TryAddSingleton<FailureReplies>();
        services.AddSingleton<IntentRecognizer>();
        services.AddSingleton<ConversationResolver>();
        services.AddSingleton<TenantHealthReader>();
        services.AddSingleton<HealthReplies>();
        services.AddSingleton<AlertSettings>();
        services.TryAddSingleton<DeviceDiagnostician>();
        services.TryAddSingleton<DeviceDiagnoses>();
        services.AddSingleton<DeviceReplies>();
        services.AddSingleton<PendingDeviceQuestions>();
        services.AddConversationMemory();
        services.AddSingleton<ConversationTopics>();
        services.AddSingleton<FollowUpAnswers>();

        services.AddSingleton<IIntentHandler, HealthIntentHandler>();
        services.AddSingleton<IIntentHandler, ExpiringSoonIntentHandler>();
        services.AddSingleton<IIntentHandler, TokenDetailsIntentHandler>();
        services.AddSingleton<IIntentHandler, ExplainErrorIntentHandler>();
        services.AddSingleton<IIntentHandler, AlertSettingsIntentHandler>();
        services.AddSingleton<IIntentHandler, SmallTalkIntentHandler>();
        services.AddSingleton<IIntentHandler, DeviceIntentHandler>();
        services.AddSingleton<IIntentHandler, FollowUpIntentHandler>();
        services.AddSingleton<IntentHandlers>();

        services.AddSingleton<CardActionHandler>();
        services.AddSingleton<ConversationEngine>();
        return services;
    }
}
