namespace AdeBot.Domain.Cards.Model;

// Members are named after the schema's values; AdaptiveCardJson writes them camelCase.

public enum TextWeight { Default, Lighter, Bolder }

public enum TextSize { Default, Small, Medium, Large, ExtraLarge }

public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

public enum TextBlockStyle { Default, Heading }

public enum Spacing { Default, None, Small, Medium, Large, ExtraLarge, Padding }

public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }
