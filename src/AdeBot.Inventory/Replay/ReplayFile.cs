namespace AdeBot.Inventory;

/// Graph:ReplayPath, parsed once: the options validator checks it at start-up and the inventory then
/// serves the same load. A file that fails to load is not kept, so the next caller sees the error too.
internal sealed class ReplayFile
{
    private readonly Lock _gate = new();
    private Loaded? _loaded;

    /// Throws InvalidDataException when the file is not a valid recording.
    public RecordedAnswers Answers(string path)
    {
        lock (_gate)
        {
            if (_loaded is null || _loaded.Path != path)
                _loaded = new Loaded(path, new RecordedAnswers(GraphRecording.Load(path)));
            return _loaded.Answers;
        }
    }

    private sealed record Loaded(string Path, RecordedAnswers Answers);
}
