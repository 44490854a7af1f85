using AdeBot.Domain.Conversation;
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

/// Deletes the contexts of conversations idle for longer than `Conversations:ContextMinutes`: at
/// start-up, then every hour on the injected clock. A context past its time is never used anyway
/// (ConversationMemory checks on every read); this only keeps the table small.
public sealed partial class ConversationContextRetention(ConversationMemory memory, TimeProvider time, ILogger<ConversationContextRetention> logger) : BackgroundService
{
    public static readonly TimeSpan TrimInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TrimInterval, time);
        try
        {
            do
            {
                try
                {
                    var trimmed = await memory.TrimAsync(stoppingToken);
                    if (trimmed > 0) Log.Trimmed(logger, trimmed);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.TrimFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4401, Level = LogLevel.Debug, Message = "Conversation memory: {Count} idle contexts trimmed")]
        public static partial void Trimmed(ILogger logger, int count);

        [LoggerMessage(EventId = 4402, Level = LogLevel.Warning, Message = "Conversation memory: trimming idle contexts failed; it is tried again in an hour")]
        public static partial void TrimFailed(ILogger logger, Exception exception);
    }
}
