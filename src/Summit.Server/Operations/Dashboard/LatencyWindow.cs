namespace Summit.Server.Operations.Dashboard;

/// <summary>The most recent latencies (milliseconds), for the p50/p95 the dashboard API reports.</summary>
internal sealed class LatencyWindow(int capacity)
{
    private readonly Lock _lock = new();
    private readonly double[] _values = new double[capacity];
    private int _count;
    private int _next;

    public void AddRange(IEnumerable<double> values)
    {
        lock (_lock)
        {
            foreach (var value in values)
            {
                _values[_next] = value;
                _next = (_next + 1) % _values.Length;
                _count = Math.Min(_count + 1, _values.Length);
            }
        }
    }

    public LatencySummary Summary()
    {
        double[] sorted;
        lock (_lock)
        {
            sorted = [.. _values.Take(_count)];
        }

        if (sorted.Length == 0)
        {
            return new LatencySummary(0, 0, 0, 0);
        }

        Array.Sort(sorted);
        return new LatencySummary(sorted.Length, Percentile(sorted, 0.5), Percentile(sorted, 0.95), sorted[^1]);
    }

    private static double Percentile(double[] sorted, double share) => sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
}
