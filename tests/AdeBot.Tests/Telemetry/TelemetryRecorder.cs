using System.Collections.ObjectModel;
using System.Diagnostics;
using AdeBot.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AdeBot.Tests.Telemetry;

/// The spans and metric points AdeBot exports, caught by OpenTelemetry's in-memory exporters
/// attached to exactly the instrumentation production uses. Spans come from every host in the
/// test process (ActivitySource listeners are process-wide), so tests find theirs by trace.
public sealed class TelemetryRecorder
{
    private readonly LockedCollection<Activity> _spans = new();
    private readonly LockedCollection<MetricSnapshot> _metrics = new();

    public void AddTo(IServiceCollection services) => services.AddOpenTelemetry()
        .WithTracing(tracing => TelemetryServiceCollectionExtensions.Instrument(tracing).AddInMemoryExporter(_spans))
        .WithMetrics(metrics => TelemetryServiceCollectionExtensions.Instrument(metrics).AddInMemoryExporter(_metrics));

    public IReadOnlyList<Activity> Spans => _spans.Snapshot();

    /// The spans of one trace, found by a span of it.
    public IReadOnlyList<Activity> Trace(Activity member) => [.. Spans.Where(s => s.TraceId == member.TraceId)];

    /// Collects now and returns every snapshot of each metric: each host of the test process has
    /// its own Meter named AdeBot, and each is a stream of its own.
    public IReadOnlyDictionary<string, IReadOnlyList<MetricSnapshot>> CollectMetrics(IServiceProvider services)
    {
        services.GetRequiredService<MeterProvider>().ForceFlush();
        return _metrics.Snapshot().GroupBy(m => m.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<MetricSnapshot>)[.. g]);
    }

    private sealed class LockedCollection<T> : Collection<T>
    {
        private readonly Lock _gate = new();

        protected override void InsertItem(int index, T item)
        {
            lock (_gate) base.InsertItem(index, item);
        }

        protected override void ClearItems()
        {
            lock (_gate) base.ClearItems();
        }

        public IReadOnlyList<T> Snapshot()
        {
            lock (_gate) return [.. Items];
        }
    }
}

public static class MetricPoints
{
    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> TagSets(this MetricSnapshot metric)
    {
        List<IReadOnlyDictionary<string, object?>> sets = [];
        foreach (var point in metric.MetricPoints)
        {
            Dictionary<string, object?> tags = [];
            foreach (var tag in point.Tags) tags[tag.Key] = tag.Value;
            sets.Add(tags);
        }
        return sets;
    }

    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> TagSets(this IReadOnlyList<MetricSnapshot> metrics) =>
        [.. metrics.SelectMany(m => m.TagSets())];

    /// The largest total any one snapshot shows (they are cumulative).
    public static long SumWhere(this IReadOnlyList<MetricSnapshot> metrics, Func<IReadOnlyDictionary<string, object?>, bool> match) =>
        metrics.Max(m => m.SumWhere(match));

    public static long SumWhere(this MetricSnapshot metric, Func<IReadOnlyDictionary<string, object?>, bool> match)
    {
        long sum = 0;
        foreach (var point in metric.MetricPoints)
        {
            Dictionary<string, object?> tags = [];
            foreach (var tag in point.Tags) tags[tag.Key] = tag.Value;
            if (match(tags)) sum += metric.MetricType == MetricType.Histogram ? point.GetHistogramCount() : point.GetSumLong();
        }
        return sum;
    }
}
