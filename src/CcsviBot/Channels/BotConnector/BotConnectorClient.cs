using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CcsviBot.Protocol;
using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.BotConnector;

/// <summary>
/// Sends activities to the Bot Connector REST API of the channel they came from:
/// <c>POST {serviceUrl}v3/conversations/{conversationId}/activities[/{replyToId}]</c>, with the app token, retrying
/// 429 and 5xx (and timeouts) with exponential back-off or the connector's Retry-After.
/// </summary>
public sealed partial class BotConnectorClient(
    IHttpClientFactory httpClients,
    IBotTokenProvider tokens,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<BotConnectorClient> logger)
{
    public const string HttpClientName = "BotConnector";

    /// <summary>The connector URL for an activity: reply-to when it answers one, else send-to-conversation.</summary>
    public static Uri ActivitiesUri(Activity activity)
    {
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            throw new ArgumentException("An activity to send needs an absolute serviceUrl and a conversation id.", nameof(activity));
        }

        // Teams conversation ids contain ':', ';', '@' and '=', which must not be read as URL syntax.
        var path = $"v3/conversations/{Uri.EscapeDataString(activity.Conversation.Id)}/activities";
        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            path += "/" + Uri.EscapeDataString(activity.ReplyToId);
        }

        var baseUrl = serviceUrl.AbsoluteUri.EndsWith('/') ? serviceUrl : new Uri(serviceUrl.AbsoluteUri + "/");
        return new Uri(baseUrl, path);
    }

    public async Task<ResourceResponse?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var uri = ActivitiesUri(activity);
        var settings = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            var isLastAttempt = attempt >= settings.ConnectorMaxAttempts;
            TimeSpan? retryAfter = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri)
                {
                    Content = JsonContent.Create(activity, options: ProtocolJson.Options),
                };
                if (await tokens.GetTokenAsync(cancellationToken) is { } token)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return await ReadResourceResponseAsync(response, cancellationToken);
                }

                var status = response.StatusCode;
                if (!IsTransient(status) || isLastAttempt)
                {
                    var body = await response.Content.ReadAsStringAsync(cancellationToken);
                    throw new BotConnectorException($"The Bot Connector answered {(int)status} after {attempt} attempt(s): {Truncate(body)}", status);
                }

                retryAfter = RetryAfter(response.Headers.RetryAfter);
                LogRetrying(attempt, (int)status, uri.Host);
            }
            catch (Exception exception) when (!isLastAttempt && !cancellationToken.IsCancellationRequested
                && exception is HttpRequestException or TaskCanceledException)
            {
                // A network failure or the per-attempt timeout: the connector may be briefly unreachable.
                LogRetryingAfterFailure(attempt, uri.Host, exception.Message);
            }
            catch (Exception exception) when (isLastAttempt && !cancellationToken.IsCancellationRequested
                && exception is HttpRequestException or TaskCanceledException)
            {
                throw new BotConnectorException($"The Bot Connector could not be reached after {attempt} attempt(s).", null, exception);
            }

            await Task.Delay(Backoff(attempt, retryAfter, settings), time, cancellationToken);
        }
    }

    private static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);

    private static TimeSpan Backoff(int attempt, TimeSpan? retryAfter, BotOptions settings)
    {
        var exponential = settings.ConnectorRetryDelay * Math.Pow(2, attempt - 1);
        var wait = retryAfter is { } requested && requested > TimeSpan.Zero ? requested : exponential;
        return wait < settings.ConnectorMaxRetryDelay ? wait : settings.ConnectorMaxRetryDelay;
    }

    private static async Task<ResourceResponse?> ReadResourceResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ResourceResponse>(ProtocolJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            // Some connectors answer 201/202 with no body; the reply was still accepted.
            return null;
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector attempt {Attempt} answered {Status} ({Host}); retrying")]
    private partial void LogRetrying(int attempt, int status, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector attempt {Attempt} failed ({Host}): {Reason}; retrying")]
    private partial void LogRetryingAfterFailure(int attempt, string host, string reason);
}
