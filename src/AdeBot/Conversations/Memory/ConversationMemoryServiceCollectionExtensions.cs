using AdeBot.Domain.Conversation;
using AdeBot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdeBot.Conversations.Memory;

public static class ConversationMemoryServiceCollectionExtensions
{
    /// What each conversation is about (ConversationMemory over the IConversationContextStore of
    /// AddAlertStorage), forgotten after `Conversations:ContextMinutes` (validated at start-up),
    /// with an hourly trim of what was forgotten.
    public static IServiceCollection AddConversationMemory(this IServiceCollection services)
    {
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConversationOptions>, ConversationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ConversationMemory(
            sp.GetRequiredService<IConversationContextStore>(),
            sp.GetRequiredService<IOptions<ConversationOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<ConversationContextRetention>();
        return services;
    }
}

/// Start-up checks for the "Conversations" section; each message names the key to fix.
internal sealed class ConversationOptionsValidator : IValidateOptions<ConversationOptions>
{
    public ValidateOptionsResult Validate(string? name, ConversationOptions options) =>
        options.ContextMinutes is >= 1 and <= ConversationOptions.MaxContextMinutes
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{ConversationOptions.SectionName}:{nameof(ConversationOptions.ContextMinutes)} must be between 1 and {ConversationOptions.MaxContextMinutes}; it is {options.ContextMinutes}.");
}

/// Deletes the contexts of conversations idle for longer than `Conversations:ContextMinutes`. A
/// context past its time is never used anyway (ConversationMemory checks on every read); this only
/// keeps the table small.
public sealed partial class ConversationContextRetention(ConversationMemory memory, TimeProvider time, ILogger<ConversationContextRetention> logger) : HourlyTrim(time)
{
    protected override async Task TrimOnceAsync(CancellationToken cancellationToken)
    {
        var trimmed = await memory.TrimAsync(cancellationToken);
        if (trimmed > 0) Log.Trimmed(logger, trimmed);
    }

    protected override void LogTrimFailed(Exception exception) => Log.TrimFailed(logger, exception);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4401, Level = LogLevel.Debug, Message = "Conversation memory: {Count} idle contexts trimmed")]
        public static partial void Trimmed(ILogger logger, int count);

        [LoggerMessage(EventId = 4402, Level = LogLevel.Warning, Message = "Conversation memory: trimming idle contexts failed; it is tried again in an hour")]
        public static partial void TrimFailed(ILogger logger, Exception exception);
    }
}
