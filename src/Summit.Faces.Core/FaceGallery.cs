using System.Numerics.Tensors;

namespace Summit.Faces.Core;

/// <summary>
/// The enrolled templates a 1:N lane compares a face with (a few hundred VIPs), one or more per person. Immutable: build a
/// new gallery when the enrolments change and swap it in; searches on one gallery may run on any number of threads.
/// The templates lie in one contiguous array, 512 bytes each, so a search over 500 is a linear scan of 256 KB.
/// </summary>
public sealed class FaceGallery<TKey>
    where TKey : notnull
{
    private readonly float[] _templates;
    private readonly TKey[] _keys;

    private FaceGallery(float[] templates, TKey[] keys)
    {
        _templates = templates;
        _keys = keys;
    }

    public int Count => _keys.Length;

    public static FaceGallery<TKey> Create(IEnumerable<(TKey Key, FaceDescriptor Descriptor)> entries)
    {
        var list = entries.ToList();
        var templates = new float[list.Count * FaceDescriptor.Length];
        for (var i = 0; i < list.Count; i++)
        {
            list[i].Descriptor.Values.CopyTo(templates.AsSpan(i * FaceDescriptor.Length));
        }

        return new FaceGallery<TKey>(templates, [.. list.Select(entry => entry.Key)]);
    }

    /// <summary>The nearest template's person and, for the margin, the nearest template of anyone else. One pass, no allocation.</summary>
    public FaceSearchResult<TKey> Search(FaceDescriptor probe)
    {
        var comparer = EqualityComparer<TKey>.Default;
        int bestIndex = -1, secondIndex = -1;
        double best = double.PositiveInfinity, second = double.PositiveInfinity;
        for (var i = 0; i < _keys.Length; i++)
        {
            var distance = TensorPrimitives.Distance(probe.Values, _templates.AsSpan(i * FaceDescriptor.Length, FaceDescriptor.Length));
            if (distance < best)
            {
                // The former best, the nearest of everything before, is the nearest other person unless it is the same one.
                if (bestIndex >= 0 && !comparer.Equals(_keys[i], _keys[bestIndex]))
                {
                    (second, secondIndex) = (best, bestIndex);
                }

                (best, bestIndex) = (distance, i);
            }
            else if (distance < second && !comparer.Equals(_keys[i], _keys[bestIndex]))
            {
                (second, secondIndex) = (distance, i);
            }
        }

        return new FaceSearchResult<TKey>(
            bestIndex < 0 ? default : _keys[bestIndex], best, secondIndex < 0 ? default : _keys[secondIndex], second);
    }
}
