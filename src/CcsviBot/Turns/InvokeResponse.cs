using System.Text.Json.Nodes;

namespace CcsviBot.Turns;

/// <summary>The result of an invoke activity, written as the HTTP response (status and JSON body).</summary>
public sealed record InvokeResponse(int Status, JsonNode? Body);
