using AdeBot.Domain.Alerts;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Remediation;

namespace AdeBot.Domain.Tests.Conversation;

public sealed class IntentRecognizerTests
{
    private static readonly IntentRecognizer Recognizer = new();

    public static TheoryData<string, IntentKind> English => new()
    {
        { "are my ADE tokens healthy?", IntentKind.Health },
        { "ARE MY ADE TOKENS HEALTHY", IntentKind.Health },
        { "<at>AdeBot</at> are my ADE tokens healthy?", IntentKind.Health },
        { "<at>Ade Bot</at>&nbsp;status", IntentKind.Health },
        { "status", IntentKind.Health },
        { "Status?!", IntentKind.Health },
        { "check tokens", IntentKind.Health },
        { "check again", IntentKind.Health },
        { "healthy tokens ADE my are", IntentKind.Health },
        { "are my ADE tokns helthy", IntentKind.Health },
        { "any problems with the VPP tokens?", IntentKind.Health },
        { "is the APNs certificate ok?", IntentKind.Health },
        { "how are my DEP tokens doing", IntentKind.Health },
        { "show my Apple enrollment tokens", IntentKind.Health },
        { "is everything fine with our Intune tokens", IntentKind.Health },
        { "run a health check", IntentKind.Health },
        { "what's broken?", IntentKind.Health },
        { "remind me when tokens expire", IntentKind.Subscribe },
        { "show me a cat picture", IntentKind.Unknown },
        { "thanks for the help", IntentKind.Thanks },
        { "anything expiring soon?", IntentKind.ExpiringSoon },
        { "is my ADE token expired?", IntentKind.ExpiringSoon },
        { "details for Contoso ABM", IntentKind.TokenDetails },
        { "details", IntentKind.TokenDetails },
        { "show details", IntentKind.TokenDetails },
        { "thanks for the details", IntentKind.Thanks },
        { "details of expiring tokens", IntentKind.ExpiringSoon },
        { "show details of my ADE tokens", IntentKind.Health },
        { "what does error 3 mean", IntentKind.ExplainError },
        { "expired token", IntentKind.ExplainError },
        { "subscribe", IntentKind.Subscribe },
        { "turn on alerts", IntentKind.Subscribe },
        { "unsubscribe", IntentKind.Unsubscribe },
        { "unsubscrbe", IntentKind.Unsubscribe },
        { "stop alerts please", IntentKind.Unsubscribe },
        { "don't send me notifications", IntentKind.Unsubscribe },
        { "help", IntentKind.Help },
        { "what can you do?", IntentKind.Help },
        { "hi", IntentKind.Greeting },
        { "Good morning!", IntentKind.Greeting },
        { "thanks!", IntentKind.Thanks },
        { "thank you", IntentKind.Thanks },
        { "in Finnish", IntentKind.SetLanguage },
        { "in English please", IntentKind.SetLanguage },
        { "what's the weather", IntentKind.Unknown },
        { "tell me a joke", IntentKind.Unknown },
        { "my token of appreciation", IntentKind.Unknown },
        { "token", IntentKind.Unknown },
        { "ok", IntentKind.Unknown },
        { "what's the status of my pizza order", IntentKind.Unknown },
        { "please finish the report", IntentKind.Unknown },
        { "", IntentKind.Unknown },
        { "only critical alerts", IntentKind.SetAlertScope },
        { "alert me only about critical problems", IntentKind.SetAlertScope },
        { "send all alerts", IntentKind.SetAlertScope },
        { "all problems", IntentKind.SetAlertScope },
        { "stop all alerts", IntentKind.Unsubscribe },
        { "unsubscribe from all notifications", IntentKind.Unsubscribe },
        { "remind me when all tokens expire", IntentKind.Subscribe },
        { "show all problems", IntentKind.Health },
        { "check all problems", IntentKind.Health },
        { "any critical problems?", IntentKind.Health },
        { "are all my tokens healthy?", IntentKind.Health },
        { "show only critical ADE tokens", IntentKind.Health },
        { "only critical pizza", IntentKind.Unknown },
    };

    public static TheoryData<string, IntentKind> Finnish => new()
    {
        { "onko DEP-tunnukset kunnossa", IntentKind.Health },
        { "Onko dep tunnukset kunnossa?", IntentKind.Health },
        { "kunnossa onko tunnukset", IntentKind.Health },
        { "onko dep-tunukset kunossa", IntentKind.Health },
        { "onko ADE-tunnuksissa ongelmia", IntentKind.Health },
        { "tarkista tunnukset", IntentKind.Health },
        { "tilanne", IntentKind.Health },
        { "tunnusten tila", IntentKind.Health },
        { "toimiiko APNs-varmenne", IntentKind.Health },
        { "näytä tunnukset", IntentKind.Health },
        { "nayta tunnukset", IntentKind.Health },
        { "<at>AdeBot</at> onko tunnuksia, jotka eivät ole kunnossa?", IntentKind.Health },
        { "mitkä vanhenevat 30 päivän sisällä", IntentKind.ExpiringSoon },
        { "vanheneeko jokin pian", IntentKind.ExpiringSoon },
        { "näytä tunnus Contoso ABM", IntentKind.TokenDetails },
        { "tiedot", IntentKind.TokenDetails },
        { "näytä tiedot", IntentKind.TokenDetails },
        { "mitä virhekoodi 7 tarkoittaa", IntentKind.ExplainError },
        { "mita virhekoodi 7 tarkoittaa", IntentKind.ExplainError },
        { "vanhentunut tunnus", IntentKind.ExplainError },
        { "tilaa ilmoitukset", IntentKind.Subscribe },
        { "tilaa", IntentKind.Subscribe },
        { "peru tilaus", IntentKind.Unsubscribe },
        { "lopeta ilmoitukset", IntentKind.Unsubscribe },
        { "en halua hälytyksiä", IntentKind.Unsubscribe },
        { "apua", IntentKind.Help },
        { "mitä osaat?", IntentKind.Help },
        { "moi", IntentKind.Greeting },
        { "hyvää huomenta", IntentKind.Greeting },
        { "kiitos", IntentKind.Thanks },
        { "kiitti!", IntentKind.Thanks },
        { "suomeksi", IntentKind.SetLanguage },
        { "englanniksi kiitos", IntentKind.SetLanguage },
        { "kuka voitti jääkiekko-ottelun", IntentKind.Unknown },
        { "mikä on sää tänään", IntentKind.Unknown },
        { "kerro vitsi", IntentKind.Unknown },
        { "tunnen oloni hyväksi", IntentKind.Unknown },
        { "mitä kuuluu", IntentKind.Unknown },
        { "paljonko kello on", IntentKind.Unknown },
        { "kerro jotain hauskaa", IntentKind.Unknown },
        { "ota hälytykset käyttöön", IntentKind.Subscribe },
        { "kiitos avusta", IntentKind.Thanks },
        { "vain kriittiset hälytykset", IntentKind.SetAlertScope },
        { "ilmoita vain kriittisistä", IntentKind.SetAlertScope },
        { "kaikki hälytykset", IntentKind.SetAlertScope },
        { "lopeta kaikki hälytykset", IntentKind.Unsubscribe },
        { "ilmoita, kun tunnukset vanhenevat", IntentKind.Subscribe },
        { "onko kaikki tunnukset kunnossa", IntentKind.Health },
        { "tarkista kaikki ongelmat", IntentKind.Health },
        { "onko kriittisiä ongelmia", IntentKind.Health },
    };

    public static TheoryData<string, IntentKind> Ukrainian => new()
    {
        { "чи все гаразд з маркерами ADE?", IntentKind.Health },
        { "Чи все гаразд з маркерами?", IntentKind.Health },
        { "маркери ADE гаразд чи все", IntentKind.Health },
        { "чи все гаразд з макрерами ADE", IntentKind.Health },
        { "чи все гаразд з маркерамі ade", IntentKind.Health },
        { "стан маркерів", IntentKind.Health },
        { "перевір маркери", IntentKind.Health },
        { "перевiр маркери", IntentKind.Health },
        { "статус", IntentKind.Health },
        { "чи є проблеми з маркерами VPP", IntentKind.Health },
        { "чи дійсний сертифікат APNs", IntentKind.Health },
        { "<at>AdeBot</at> чи справні наші маркери?", IntentKind.Health },
        { "що спливає за 10 днів", IntentKind.ExpiringSoon },
        { "що скоро згорить?", IntentKind.ExpiringSoon },
        { "які маркери спливають найближчим часом", IntentKind.ExpiringSoon },
        { "покажи маркер Contoso ABM", IntentKind.TokenDetails },
        { "деталі", IntentKind.TokenDetails },
        { "покажи деталі", IntentKind.TokenDetails },
        { "дякую за деталі", IntentKind.Thanks },
        { "що означає помилка 3", IntentKind.ExplainError },
        { "що означає код помилки 7", IntentKind.ExplainError },
        { "прострочений маркер", IntentKind.ExplainError },
        { "підписатися", IntentKind.Subscribe },
        { "увімкни сповіщення", IntentKind.Subscribe },
        { "відписатися", IntentKind.Unsubscribe },
        { "вимкни сповіщення", IntentKind.Unsubscribe },
        { "більше не надсилай сповіщення", IntentKind.Unsubscribe },
        { "допомога", IntentKind.Help },
        { "що ти вмієш?", IntentKind.Help },
        { "привіт", IntentKind.Greeting },
        { "доброго ранку", IntentKind.Greeting },
        { "дякую", IntentKind.Thanks },
        { "спасибі!", IntentKind.Thanks },
        { "українською", IntentKind.SetLanguage },
        { "англійською, будь ласка", IntentKind.SetLanguage },
        { "яка сьогодні погода", IntentKind.Unknown },
        { "розкажи анекдот", IntentKind.Unknown },
        { "хто виграв матч", IntentKind.Unknown },
        { "як справи", IntentKind.Unknown },
        { "розкажи щось смішне", IntentKind.Unknown },
        { "хочу отримувати сповіщення", IntentKind.Subscribe },
        { "не хочу отримувати сповіщення", IntentKind.Unsubscribe },
        { "дякую за допомогу", IntentKind.Thanks },
        { "лише критичні сповіщення", IntentKind.SetAlertScope },
        { "тільки критичні", IntentKind.SetAlertScope },
        { "усі сповіщення", IntentKind.SetAlertScope },
        { "вимкни всі сповіщення", IntentKind.Unsubscribe },
        { "чи всі маркери справні", IntentKind.Health },
        { "перевір усі проблеми", IntentKind.Health },
        { "чи є критичні проблеми з маркерами", IntentKind.Health },
    };

    [Theory]
    [MemberData(nameof(English))]
    [MemberData(nameof(Finnish))]
    [MemberData(nameof(Ukrainian))]
    public void Recognizes_the_intent(string text, IntentKind expected)
    {
        var intent = Recognizer.Recognize(text);

        Assert.Equal(expected, intent.Kind);
        if (expected == IntentKind.Unknown) Assert.Equal(0, intent.Confidence);
        else Assert.InRange(intent.Confidence, 0.3, 1.0);
    }

    [Theory]
    [InlineData("only critical alerts", AlertScope.CriticalOnly)]
    [InlineData("Only critical alerts, please", AlertScope.CriticalOnly)]
    [InlineData("alert me only about critical problems", AlertScope.CriticalOnly)]
    [InlineData("critical only", AlertScope.CriticalOnly)]
    [InlineData("just the critical ones", AlertScope.CriticalOnly)]
    [InlineData("tell me only about critical ones", AlertScope.CriticalOnly)]
    [InlineData("notify me only about urgent issues", AlertScope.CriticalOnly)]
    [InlineData("no more warnings, only critical alerts", AlertScope.CriticalOnly)]
    [InlineData("only critcal alerts", AlertScope.CriticalOnly)]
    [InlineData("send all alerts", AlertScope.All)]
    [InlineData("all alerts", AlertScope.All)]
    [InlineData("all problems", AlertScope.All)]
    [InlineData("alert me about all problems", AlertScope.All)]
    [InlineData("send me every alert", AlertScope.All)]
    [InlineData("vain kriittiset hälytykset", AlertScope.CriticalOnly)]
    [InlineData("ilmoita vain kriittisistä", AlertScope.CriticalOnly)]
    [InlineData("ilmoita ainoastaan kriittisistä ongelmista", AlertScope.CriticalOnly)]
    [InlineData("vain kriittiset", AlertScope.CriticalOnly)]
    [InlineData("kaikki hälytykset", AlertScope.All)]
    [InlineData("ilmoita kaikista ongelmista", AlertScope.All)]
    [InlineData("kaikki ongelmat", AlertScope.All)]
    [InlineData("лише критичні сповіщення", AlertScope.CriticalOnly)]
    [InlineData("тільки критичні", AlertScope.CriticalOnly)]
    [InlineData("сповіщай лише про критичні проблеми", AlertScope.CriticalOnly)]
    [InlineData("тiльки критичнi", AlertScope.CriticalOnly)]
    [InlineData("усі сповіщення", AlertScope.All)]
    [InlineData("надсилай усі сповіщення", AlertScope.All)]
    [InlineData("всі проблеми", AlertScope.All)]
    public void Reads_the_alert_scope_chosen(string text, AlertScope scope)
    {
        var intent = Recognizer.Recognize(text);

        Assert.Equal(IntentKind.SetAlertScope, intent.Kind);
        Assert.Equal(scope, intent.Scope);
        Assert.InRange(intent.Confidence, 0.3, 1.0);
    }

    [Theory]
    [InlineData("subscribe")]
    [InlineData("stop all alerts")]
    [InlineData("are my ADE tokens healthy?")]
    [InlineData("tilaa hälytykset")]
    [InlineData("відписатися")]
    public void Other_requests_carry_no_scope(string text)
    {
        var intent = Recognizer.Recognize(text);

        Assert.NotEqual(IntentKind.SetAlertScope, intent.Kind);
        Assert.Null(intent.Scope);
    }

    [Theory]
    [InlineData("what expires in the next 14 days", 14)]
    [InlineData("which tokens expire within two weeks", 14)]
    [InlineData("what's expiring in a month", 30)]
    [InlineData("tokens expiring in 7d", 7)]
    [InlineData("what expires in 45?", 45)]
    [InlineData("mitkä vanhenevat 30 päivän sisällä", 30)]
    [InlineData("mitkä tunnukset vanhenevat kahden viikon sisällä", 14)]
    [InlineData("vanheneeko jotain ensi viikolla", 7)]
    [InlineData("що спливає за 10 днів", 10)]
    [InlineData("що спливає протягом двох тижнів", 14)]
    [InlineData("які маркери спливають за місяць", 30)]
    public void Reads_the_window_of_an_expiry_question(string text, int days)
    {
        var intent = Recognizer.Recognize(text);

        Assert.Equal(IntentKind.ExpiringSoon, intent.Kind);
        Assert.Equal(days, intent.Days);
        Assert.Null(intent.ErrorCode);
    }

    [Theory]
    [InlineData("montako päivää ADE-tunnuksella on jäljellä?")]
    [InlineData("montako päivää ADE-tunnuksella on voimassaoloa jäljellä?")]
    [InlineData("kuinka monta päivää tunnuksilla on jäljellä")]
    [InlineData("kuinka kauan push-varmenne on voimassa?")]
    [InlineData("скільки днів залишилось до кінця терміну дії маркера?")]
    [InlineData("скільки днів лишилося маркерам ADE")]
    [InlineData("як довго діє маркер ADE?")]
    [InlineData("how many days are left on my ADE token?")]
    [InlineData("how many days left?")]
    [InlineData("how long until the push certificate expires?")]
    public void How_many_days_asks_what_every_token_has_left(string text)
    {
        var intent = Recognizer.Recognize(text);

        Assert.Equal(IntentKind.ExpiringSoon, intent.Kind);
        Assert.True(intent.AsksDaysLeft);
        Assert.Null(intent.Days);
    }

    [Theory]
    [InlineData("which tokens expire in days?", null)]
    [InlineData("mitkä tunnukset vanhenevat päivien sisällä", null)]
    [InlineData("які маркери спливають за дні", null)]
    [InlineData("how many tokens expire in 30 days?", 30)]
    [InlineData("how many tokens expire soon?", null)]
    [InlineData("montako tunnusta vanhenee 14 päivän sisällä", 14)]
    [InlineData("скільки маркерів спливає за тиждень", 7)]
    public void A_day_unit_without_a_number_sets_no_window(string text, int? days)
    {
        var intent = Recognizer.Recognize(text);

        Assert.Equal(IntentKind.ExpiringSoon, intent.Kind);
        Assert.Equal(days, intent.Days);
        Assert.False(intent.AsksDaysLeft);
    }

    [Theory]
    [InlineData("expired 12 days ago", RemediationTopic.AdeExpired)]
    [InlineData("vanheni 12 päivää sitten", RemediationTopic.AdeExpired)]
    [InlineData("термін дії минув 12 днів тому", RemediationTopic.AdeExpired)]
    [InlineData("last successful sync 4 days ago", RemediationTopic.SyncStale)]
    public void Days_ago_are_a_date_not_a_window(string text, RemediationTopic topic)
    {
        var intent = Recognizer.Recognize(text);

        Assert.Equal(IntentKind.ExplainError, intent.Kind);
        Assert.Equal(topic, intent.Topic);
        Assert.Null(intent.Days);
    }

    [Theory]
    [InlineData("onko jotain vanhentumassa?", IntentKind.ExpiringSoon)]
    [InlineData("mikä on umpeutumassa?", IntentKind.ExpiringSoon)]
    [InlineData("onko jokin päättymässä tässä kuussa", IntentKind.ExpiringSoon)]
    [InlineData("mikä tunnus on loppumassa", IntentKind.ExpiringSoon)]
    [InlineData("onko ADE-tunnukset kunnossako?", IntentKind.Health)]
    [InlineData("mikä vanheni", IntentKind.ExpiringSoon)]
    [InlineData("які маркери потрібно оновити?", IntentKind.ExpiringSoon)]
    [InlineData("онови маркер ADE", IntentKind.ExpiringSoon)]
    [InlineData("onko Apple-yhteydet kunnossa?", IntentKind.Health)]
    public void Inflected_forms_are_words_not_forgiven_typos(string text, IntentKind kind)
    {
        var intent = Recognizer.Recognize(text);

        Assert.Equal(kind, intent.Kind);
        Assert.Equal(0.9, intent.Confidence);
    }

    [Theory]
    [InlineData("онови сторінку")]
    [InlineData("оновлення")]
    public void Refreshing_something_else_is_not_renewing_a_token(string text) =>
        Assert.NotEqual(IntentKind.ExpiringSoon, Recognizer.Recognize(text).Kind);

    [Theory]
    [InlineData("sync is not working")]
    [InlineData("the sync does not work")]
    [InlineData("sync ei toimi")]
    [InlineData("synkka ei toimi")]
    [InlineData("synkronointi ei toimi")]
    [InlineData("синхронізація не працює")]
    [InlineData("синхронізація не працює з ABM")]
    public void A_sync_that_does_not_work_is_about_the_tokens(string text) =>
        Assert.Equal(IntentKind.Health, Recognizer.Recognize(text).Kind);

    /// Microsoft's in-portal alert ("Apple Automatic Device Enrollment sync errors") in the words an
    /// admin who read it would ask in: whether there are any is the health check.
    [Theory]
    [InlineData("ADE sync errors?")]
    [InlineData("are there any sync errors?")]
    [InlineData("onko ADE-synkronointivirheitä?")]
    [InlineData("onko synkronointivirheitä")]
    [InlineData("чи є помилки синхронізації ADE?")]
    [InlineData("чи є помилки синхронізації")]
    public void Asking_whether_there_are_sync_errors_is_a_health_check(string text) =>
        Assert.Equal(IntentKind.Health, Recognizer.Recognize(text).Kind);

    [Theory]
    [InlineData("onko kaikki kunnossa?")]
    [InlineData("is everything ok?")]
    [InlineData("чи все норм?")]
    public void Asking_whether_all_is_well_is_a_health_check(string text)
    {
        var intent = Recognizer.Recognize(text);

        Assert.Equal(IntentKind.Health, intent.Kind);
        Assert.InRange(intent.Confidence, 0.3, 0.75);
    }

    [Theory]
    [InlineData("details for Contoso ABM", "Contoso ABM")]
    [InlineData("show token Fabrikam School 2024", "Fabrikam School 2024")]
    [InlineData("Contoso-ABM details please", "Contoso ABM")]
    [InlineData("details for Contoso ABM in Finnish", "Contoso ABM")]
    [InlineData("näytä tunnus Contoso ABM", "Contoso ABM")]
    [InlineData("näytä tunnuksen Fabrikam tiedot", "Fabrikam")]
    [InlineData("покажи маркер Contoso ABM", "Contoso ABM")]
    [InlineData("деталі про маркер Fabrikam", "Fabrikam")]
    public void Returns_the_token_name_as_typed(string text, string name)
    {
        var intent = Recognizer.Recognize(text);

        Assert.Equal(IntentKind.TokenDetails, intent.Kind);
        Assert.Equal(name, intent.TokenName);
    }

    [Theory]
    [InlineData("details")]
    [InlineData("Details")]
    [InlineData("show details")]
    [InlineData("details please")]
    [InlineData("<at>AdeBot</at> details")]
    [InlineData("token details")]
    [InlineData("tiedot")]
    [InlineData("näytä tiedot")]
    [InlineData("деталі")]
    [InlineData("покажи деталі")]
    public void A_details_request_without_a_name_names_no_token(string text)
    {
        var intent = Recognizer.Recognize(text);

        Assert.Equal(IntentKind.TokenDetails, intent.Kind);
        Assert.Null(intent.TokenName);
        Assert.InRange(intent.Confidence, 0.3, 1.0);
    }

    [Theory]
    [InlineData("what does error 3 mean", 3)]
    [InlineData("error code 1234?", 1234)]
    [InlineData("mitä virhekoodi 7 tarkoittaa", 7)]
    [InlineData("mitä tarkoittaa virhe 3", 3)]
    [InlineData("що означає помилка 3", 3)]
    [InlineData("що означає код помилки 7", 7)]
    [InlineData("mitä synkronointivirhe 7 tarkoittaa?", 7)]
    [InlineData("synkkavirhe 3", 3)]
    [InlineData("saan synkronointivirheen 3 DEP-synkassa", 3)]
    [InlineData("ADE-synkronointivirhe 7", 7)]
    [InlineData("virhe kolme", 3)]
    [InlineData("mitä virhekoodi seitsemän tarkoittaa", 7)]
    [InlineData("помилка три", 3)]
    [InlineData("що означає код сім", 7)]
    [InlineData("error code three", 3)]
    [InlineData("what does error seven mean", 7)]
    public void Reads_the_error_code(string text, int code)
    {
        var intent = Recognizer.Recognize(text);

        Assert.Equal(IntentKind.ExplainError, intent.Kind);
        Assert.Equal(code, intent.ErrorCode);
        Assert.Null(intent.Topic);
    }

    [Theory]
    [InlineData("what does terms not accepted mean", RemediationTopic.TermsNotAccepted)]
    [InlineData("terms not accepted", RemediationTopic.TermsNotAccepted)]
    [InlineData("expired token", RemediationTopic.AdeExpired)]
    [InlineData("how do I fix an expired push certificate", RemediationTopic.ApnsExpired)]
    [InlineData("access denied", RemediationTopic.AccessDenied)]
    [InlineData("what does sync error mean", RemediationTopic.SyncError)]
    [InlineData("why has the token never synced", RemediationTopic.NeverSynced)]
    [InlineData("explain VPP token assigned to another MDM", RemediationTopic.VppAssignedToExternalMdm)]
    [InlineData("how to renew an ADE token", RemediationTopic.AdeExpiring)]
    [InlineData("miten uusin ADE-tunnuksen", RemediationTopic.AdeExpiring)]
    [InlineData("як поновити маркер ADE", RemediationTopic.AdeExpiring)]
    [InlineData("mitä tarkoittaa ehtoja ei hyväksytty", RemediationTopic.TermsNotAccepted)]
    [InlineData("vanhentunut tunnus", RemediationTopic.AdeExpired)]
    [InlineData("miten korjaan vanhentuneen push-varmenteen", RemediationTopic.ApnsExpired)]
    [InlineData("що робити, якщо не прийнято умови", RemediationTopic.TermsNotAccepted)]
    [InlineData("прострочений маркер", RemediationTopic.AdeExpired)]
    [InlineData("що означає доступ заборонено", RemediationTopic.AccessDenied)]
    [InlineData("access denied by Apple", RemediationTopic.AccessDenied)]
    [InlineData("Apple epäsi pääsyn", RemediationTopic.AccessDenied)]
    [InlineData("mitä tarkoittaa, että Apple on estänyt pääsyn", RemediationTopic.AccessDenied)]
    [InlineData("pääsy estetty", RemediationTopic.AccessDenied)]
    [InlineData("Apple відмовила в доступі, що це означає?", RemediationTopic.AccessDenied)]
    [InlineData("відмова в доступі", RemediationTopic.AccessDenied)]
    [InlineData("what is a sync error?", RemediationTopic.SyncError)]
    [InlineData("miten APNs-varmenne uusitaan?", RemediationTopic.ApnsExpiring)]
    [InlineData("mitä odottamaton tila tarkoittaa", RemediationTopic.VppUnexpectedState)]
    public void Reads_the_topic_to_explain(string text, RemediationTopic topic)
    {
        var intent = Recognizer.Recognize(text);

        Assert.Equal(IntentKind.ExplainError, intent.Kind);
        Assert.Equal(topic, intent.Topic);
    }

    [Theory]
    [InlineData("are my tokens healthy in Finnish", IntentKind.Health, "fi")]
    [InlineData("are my ADE tokens healthy? answer in Ukrainian", IntentKind.Health, "uk")]
    [InlineData("what does error 3 mean in English", IntentKind.ExplainError, "en")]
    [InlineData("onko tunnukset kunnossa englanniksi", IntentKind.Health, "en")]
    [InlineData("чи все гаразд з маркерами англійською", IntentKind.Health, "en")]
    [InlineData("suomeksi", IntentKind.SetLanguage, "fi")]
    [InlineData("in Finnish", IntentKind.SetLanguage, "fi")]
    [InlineData("українською", IntentKind.SetLanguage, "uk")]
    [InlineData("по-українськи", IntentKind.SetLanguage, "uk")]
    [InlineData("in English", IntentKind.SetLanguage, "en")]
    public void Reads_a_language_alone_or_inside_a_request(string text, IntentKind kind, string language)
    {
        var intent = Recognizer.Recognize(text);

        Assert.Equal(kind, intent.Kind);
        Assert.Equal(language, intent.LanguageOverride?.TwoLetterISOLanguageName);
    }

    [Theory]
    [InlineData("are my ADE tokens healthy?")]
    [InlineData("status")]
    [InlineData("help")]
    public void Has_no_language_override_unless_one_is_named(string text) =>
        Assert.Null(Recognizer.Recognize(text).LanguageOverride);

    [Fact]
    public void Forgiven_typos_lower_the_confidence()
    {
        var exact = Recognizer.Recognize("are my ADE tokens healthy");
        var typo = Recognizer.Recognize("are my ADE tokns helthy");

        Assert.Equal(exact.Kind, typo.Kind);
        Assert.True(typo.Confidence < exact.Confidence);
    }

    [Fact]
    public void The_lexicon_is_well_formed()
    {
        var entries = LexiconMatcher.EntriesOf(IntentLexicon.Languages).ToList();
        string Text(LexiconEntry e) => string.Join(' ', e.Words.Select(w => w.Text + (w.IsStem ? "*" : "")));
        HashSet<string> Under(Cue cue) => [.. entries.Where(e => e.Sense.Cue == cue).Select(Text)];

        Assert.All(entries, e => Assert.All(e.Words, w => Assert.True(w.Text.Length >= (w.IsStem ? 2 : 1), Text(e))));
        Assert.Empty(Under(Cue.Subscribe).Intersect(Under(Cue.Unsubscribe)));
        Assert.Empty(Under(Cue.Enable).Intersect(Under(Cue.Disable)));
        Assert.Empty(Under(Cue.Expiring).Intersect(Under(Cue.Expired)));
        Assert.All(IntentLexicon.Languages, l => Assert.Equal(["en", "fi", "uk"], l.LanguageNames.Keys.Order()));
    }
}
