using AdeBot.Conversations.Memory;
using AdeBot.Domain.Conversation;
using AdeBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdeBot.Tests.Conversations;

/// The `Conversations` section as configured: a wrong value stops the start naming the key.
public sealed class ConversationOptionsValidationTests
{
    [Fact]
    public void Nothing_configured_remembers_a_conversation_for_an_hour()
    {
        Assert.Empty(Failures(new Dictionary<string, string?>()));
        Assert.Equal(TimeSpan.FromHours(1), new ConversationOptions().ContextIdle);
    }

    [Theory]
    [InlineData("0", "Conversations:ContextMinutes must be between 1 and 1440; it is 0.")]
    [InlineData("-5", "Conversations:ContextMinutes must be between 1 and 1440; it is -5.")]
    [InlineData("1441", "Conversations:ContextMinutes must be between 1 and 1440; it is 1441.")]
    public void A_wrong_context_time_stops_the_start_naming_the_key(string value, string expected)
    {
        Assert.Equal([expected], Failures(new Dictionary<string, string?> { ["Conversations:ContextMinutes"] = value }));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1440")]
    public void Allowed_context_times_pass(string value)
    {
        Assert.Empty(Failures(new Dictionary<string, string?> { ["Conversations:ContextMinutes"] = value }));
    }

    private static IReadOnlyList<string> Failures(IDictionary<string, string?> settings) =>
        OptionsFailures.Of<ConversationOptions>((services, configuration) =>
        {
            services.AddSingleton(configuration);
            services.AddConversationMemory();
        }, settings);
}
