namespace Portal.Domain.Coaching;

/// <summary>
/// The first WhatsApp message a coach sends, prefilled in the person's language (seed 003: start in their language, with
/// a practical question). Languages without a greeting here get the Dutch one; the coach can change it before sending.
/// </summary>
public static class WhatsAppGreeting
{
    private static readonly Dictionary<string, string> Greetings = new()
    {
        ["nl"] = "Hallo {0}, ik ben {1}, coach van het subsidieportaal van Nijmegen. U vroeg om hulp. Wanneer kan ik u bellen?",
        ["en"] = "Hello {0}, I am {1}, a coach of the Nijmegen grants portal. You asked for help. When can I call you?",
        ["ar"] = "مرحبًا {0}، أنا {1}، مرشد في بوابة منح نايميخن. لقد طلبتم المساعدة. متى يمكنني الاتصال بكم؟",
        ["tr"] = "Merhaba {0}, ben {1}, Nijmegen hibe portalının koçuyum. Yardım istediniz. Sizi ne zaman arayabilirim?",
        ["uk"] = "Вітаю, {0}! Я {1}, коуч порталу грантів Неймегена. Ви просили про допомогу. Коли я можу вам зателефонувати?",
        ["pl"] = "Dzień dobry {0}, jestem {1}, coach portalu dotacji Nijmegen. Prosili Państwo o pomoc. Kiedy mogę zadzwonić?",
        ["es"] = "Hola {0}, soy {1}, coach del portal de subvenciones de Nijmegen. Usted pidió ayuda. ¿Cuándo puedo llamarle?",
        ["fr"] = "Bonjour {0}, je suis {1}, coach du portail de subventions de Nimègue. Vous avez demandé de l'aide. Quand puis-je vous appeler ?",
        ["ru"] = "Здравствуйте, {0}! Я {1}, консультант портала субсидий Неймегена. Вы просили о помощи. Когда я могу вам позвонить?",
        ["fa"] = "سلام {0}، من {1} هستم، مشاور پورتال یارانه نایمخن. شما درخواست کمک کرده‌اید. چه زمانی می‌توانم با شما تماس بگیرم؟",
    };

    public static string For(string language, string personName, string coachName) =>
        string.Format(Greetings.GetValueOrDefault(language, Greetings["nl"]), personName, coachName);

    /// <summary>The wa.me address: the number's digits without the +, and the greeting as the prefilled text.</summary>
    public static string Link(string e164Phone, string language, string personName, string coachName) =>
        $"https://wa.me/{e164Phone.TrimStart('+')}?text={Uri.EscapeDataString(For(language, personName, coachName))}";
}
