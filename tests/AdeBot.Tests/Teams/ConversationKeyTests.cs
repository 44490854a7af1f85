using AdeBot.Teams;

namespace AdeBot.Tests.Teams;

/// The id a conversation is kept under: a channel thread's `;messageid=` is dropped, whatever its
/// case; every other id is kept as Teams sent it.
public sealed class ConversationKeyTests
{
    [Theory]
    [InlineData("19:general@thread.tacv2;messageid=1700000000001", "19:general@thread.tacv2")]
    [InlineData("19:general@thread.tacv2;MessageId=1700000000001", "19:general@thread.tacv2")]
    [InlineData("19:general@thread.skype;messageid=42", "19:general@thread.skype")]
    [InlineData("19:general@thread.tacv2", "19:general@thread.tacv2")]
    [InlineData("19:chat@thread.v2", "19:chat@thread.v2")]
    [InlineData("a:1personal", "a:1personal")]
    [InlineData(";messageid=1", ";messageid=1")]
    public void A_thread_id_is_kept_under_its_channel(string conversationId, string keyId) =>
        Assert.Equal(keyId, ConversationReferences.KeyIdOf(conversationId));
}
