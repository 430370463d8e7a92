using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ActorGateway.Tests.Diagnostics;

/// <summary>Listens to the <c>ActorGateway</c> meter and sums what one named gateway records, per instrument and tags.</summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _gateway;
    private readonly ConcurrentDictionary<string, double> _sums = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public MetricsRecorder(string gateway)
    {
        _gateway = gateway;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "ActorGateway")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        _listener.Start();
    }

    /// <summary>The sum of an instrument's measurements (with <paramref name="tag"/> among their tags, if given).</summary>
    public double Sum(string instrument, string? tag = null) => _sums.GetValueOrDefault(Key(instrument, tag));

    /// <summary>How many measurements an instrument recorded.</summary>
    public int Count(string instrument) => _counts.GetValueOrDefault(instrument);

    public void Dispose() => _listener.Dispose();

    private static string Key(string instrument, string? tag) => tag is null ? instrument : $"{instrument}|{tag}";

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var ours = false;
        var extra = new List<string>();
        foreach (var (key, tagValue) in tags)
        {
            if (key == "gateway")
            {
                ours = Equals(tagValue, _gateway);
            }
            else
            {
                extra.Add($"{key}={tagValue}");
            }
        }

        if (!ours)
        {
            return;
        }

        _sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
        _counts.AddOrUpdate(instrument.Name, 1, (_, n) => n + 1);
        foreach (var tag in extra)
        {
            _sums.AddOrUpdate(Key(instrument.Name, tag), value, (_, sum) => sum + value);
        }
    }
}
