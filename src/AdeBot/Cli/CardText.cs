using System.Text;
using System.Text.Json;

namespace AdeBot.Cli;

/// Renders Adaptive Card JSON as plain text for a terminal: text blocks, facts and buttons in
/// reading order. Only for people; the JSON output is the exact wire form.
public static class CardText
{
    public static string Render(JsonElement card)
    {
        var text = new StringBuilder();
        Walk(card, text, indent: "");
        return text.ToString().TrimEnd();
    }

    private static void Walk(JsonElement element, StringBuilder text, string indent)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Walk(item, text, indent);
                return;
            case JsonValueKind.Object:
                break;
            default:
                return;
        }

        var type = element.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "TextBlock":
                text.Append(indent).AppendLine(element.GetProperty("text").GetString());
                return;
            case "FactSet":
                foreach (var fact in element.GetProperty("facts").EnumerateArray())
                    text.Append(indent).Append(fact.GetProperty("title").GetString()).Append(": ").AppendLine(fact.GetProperty("value").GetString());
                return;
            case "Action.OpenUrl":
                text.Append(indent).Append("[").Append(Title(element)).Append("] ").AppendLine(element.GetProperty("url").GetString());
                return;
            case "Action.Execute" or "Action.Submit" or "Action.ShowCard":
                text.Append(indent).Append("[").Append(Title(element)).AppendLine("]");
                return;
        }

        foreach (var name in (string[])["body", "items", "columns", "actions", "inlines"])
        {
            if (element.TryGetProperty(name, out var children)) Walk(children, text, name == "actions" ? indent + "  " : indent);
        }
        if (type == "AdaptiveCard") text.AppendLine();
    }

    private static string Title(JsonElement action) =>
        action.TryGetProperty("title", out var title) ? title.GetString() ?? "" : "";
}
