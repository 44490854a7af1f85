namespace AdeBot.Cli;

public static class CliHostingExtensions
{
    /// Commands print their answer on stdout, so logs go to stderr and only when they matter.
    /// `ask` works on a throwaway database: a question from the terminal must not leave a
    /// conversation behind that the alerts would later try to write to.
    public static WebApplicationBuilder UseCommandDefaults(this WebApplicationBuilder builder, CliCommand command)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", "Warning")]);
        if (command is AskCommand ask) builder.Configuration.AddInMemoryCollection([new("Storage:DataPath", ask.ScratchDataPath)]);
        return builder;
    }
}
