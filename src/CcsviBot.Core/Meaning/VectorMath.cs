using System.Numerics;
using System.Runtime.InteropServices;

namespace CcsviBot.Core.Meaning;

public static class VectorMath
{
    /// <summary>The dot product of two vectors of the same length (the cosine, for unit vectors), SIMD-wide.</summary>
    public static double Dot(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        if (left.Length != right.Length)
        {
            throw new ArgumentException($"vectors of {left.Length} and {right.Length} dimensions cannot be compared");
        }

        // Four running sums, so that each multiply-add need not wait for the one before it.
        var wide = MemoryMarshal.Cast<float, Vector<float>>(left);
        var wideRight = MemoryMarshal.Cast<float, Vector<float>>(right);
        Vector<float> sum0 = Vector<float>.Zero, sum1 = Vector<float>.Zero, sum2 = Vector<float>.Zero, sum3 = Vector<float>.Zero;
        var i = 0;
        for (; i + 4 <= wide.Length; i += 4)
        {
            sum0 = Vector.FusedMultiplyAdd(wide[i], wideRight[i], sum0);
            sum1 = Vector.FusedMultiplyAdd(wide[i + 1], wideRight[i + 1], sum1);
            sum2 = Vector.FusedMultiplyAdd(wide[i + 2], wideRight[i + 2], sum2);
            sum3 = Vector.FusedMultiplyAdd(wide[i + 3], wideRight[i + 3], sum3);
        }

        for (; i < wide.Length; i++)
        {
            sum0 = Vector.FusedMultiplyAdd(wide[i], wideRight[i], sum0);
        }

        var total = Vector.Sum(sum0 + sum1 + sum2 + sum3);
        for (var rest = wide.Length * Vector<float>.Count; rest < left.Length; rest++)
        {
            total += left[rest] * right[rest];
        }

        return total;
    }

    /// <summary>The vector scaled to unit length (a zero vector stays zero).</summary>
    public static float[] Normalized(float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var length = Math.Sqrt(Dot(vector, vector));
        return length is 0 or double.NaN ? vector : vector.Select(x => (float)(x / length)).ToArray();
    }
}
