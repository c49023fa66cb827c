using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace CcsviBot.Protocol;

/// <summary>Why a request body was refused at the edge; <see cref="None"/> when it was read.</summary>
public enum BodyProblem
{
    None,
    TooLarge,
    NotJson,
    InvalidText,
}

/// <summary>A request body read at the edge: its bytes, or why it was refused, with a message safe to show a client.</summary>
public readonly record struct EdgeBody(byte[]? Bytes, BodyProblem Problem, string? Message)
{
    public bool IsValid => Problem == BodyProblem.None;
}

/// <summary>
/// The one door every JSON body comes in by (<c>/api/messages</c>, Direct Line, its token requests): one byte limit,
/// well-formed JSON, and valid UTF-8 / UTF-16 in every property name and string value, escaped or not. A lone surrogate
/// such as <c>"\ud800"</c> is accepted by the JSON reader and kept raw inside <c>JsonNode</c> values, and only fails
/// later, when the activity is written out again (a 500 on every read of that transcript); here it is a 400 instead.
/// Error messages name the line and byte position, never the serializer's internals.
/// </summary>
public static class JsonEdge
{
    /// <summary>The Direct Line limit on one serialized activity, applied to every channel.</summary>
    public const int MaxActivityBytes = 256 * 1024;

    /// <summary>Reads the whole body (refusing it as soon as it passes <paramref name="limit"/> bytes) and checks it.</summary>
    public static async Task<EdgeBody> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (read.Buffer.Length > limit)
            {
                reader.AdvanceTo(read.Buffer.End);
                return TooLarge(limit);
            }

            if (read.IsCompleted)
            {
                var body = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return Check(body);
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    /// <summary>Checks a body already in memory: well-formed JSON whose every string is valid Unicode text.</summary>
    public static EdgeBody Check(byte[] body)
    {
        var problem = Validate(body, out var message);
        return problem == BodyProblem.None ? new(body, BodyProblem.None, null) : new(null, problem, message);
    }

    /// <summary>Reads an activity from a checked body; null with a client-safe message when it is not one.</summary>
    public static Activity? ReadActivity(byte[] body, out string? error)
    {
        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
            error = activity is null ? "The body must be a JSON activity object." : null;
            return activity;
        }
        catch (JsonException exception)
        {
            error = $"The body is not an activity: a value has the wrong JSON type{Where(exception)}.";
            return null;
        }
    }

    private static BodyProblem Validate(ReadOnlySpan<byte> json, out string? message)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !IsValidText(ref reader))
                {
                    message = $"The body holds text that is not valid Unicode (a lone surrogate or invalid UTF-8) at byte {reader.TokenStartIndex}.";
                    return BodyProblem.InvalidText;
                }
            }
        }
        catch (JsonException exception)
        {
            message = $"The body is not well-formed JSON{Where(exception)}.";
            return BodyProblem.NotJson;
        }

        message = null;
        return BodyProblem.None;
    }

    private static bool IsValidText(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Utf8.IsValid(reader.ValueSpan);
        }

        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        return IsValidUtf16(text);
    }

    /// <summary>True when every surrogate in <paramref name="text"/> is half of a pair.</summary>
    public static bool IsValidUtf16(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
            {
                continue;
            }

            if (!char.IsHighSurrogate(text[i]) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
            {
                return false;
            }

            i++;
        }

        return true;
    }

    private static EdgeBody TooLarge(int limit) => new(null, BodyProblem.TooLarge, $"An activity may be at most {limit:N0} bytes of JSON.");

    private static string Where(JsonException exception) =>
        exception.LineNumber is { } line ? $" (line {line + 1}, byte {exception.BytePositionInLine + 1})" : "";
}
