using System.Net;
using Herald.Domain.Opinion;

namespace Herald.Web.Features.OpinionIntake.Feeds;

/// <summary>一次下载的结果：未变化（304），或内容及新的 ETag/Last-Modified。</summary>
public sealed record FeedFetch(bool NotModified, byte[] Content, string? Etag, string? LastModified);

/// <summary>
/// 下载订阅源：每个源自己的超时和大小上限（超过即中止，不读完），带 If-None-Match / If-Modified-Since。
/// 失败一律转成 <see cref="FeedException"/>，记在该源上。
/// </summary>
public sealed class FeedFetcher(IHttpClientFactory clients)
{
    public const string ClientName = "opinion-feeds";

    public async Task<FeedFetch> FetchAsync(OpinionFeed feed, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(feed.TimeoutSeconds));
        var max = feed.MaxKilobytes * 1024L;
        using var request = new HttpRequestMessage(HttpMethod.Get, feed.Url);
        if (!string.IsNullOrEmpty(feed.Etag)) request.Headers.TryAddWithoutValidation("If-None-Match", feed.Etag);
        if (!string.IsNullOrEmpty(feed.LastModified)) request.Headers.TryAddWithoutValidation("If-Modified-Since", feed.LastModified);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode == HttpStatusCode.NotModified) return new FeedFetch(true, [], feed.Etag, feed.LastModified);
            if (!response.IsSuccessStatusCode) throw new FeedException("Feed.HttpStatus", (int)response.StatusCode);
            if (response.Content.Headers.ContentLength > max) throw new FeedException("Feed.TooLarge", feed.MaxKilobytes);
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[16384];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
            {
                if (buffer.Length + read > max) throw new FeedException("Feed.TooLarge", feed.MaxKilobytes);
                buffer.Write(chunk, 0, read);
            }
            return new FeedFetch(false, buffer.ToArray(), response.Headers.ETag?.ToString(),
                response.Content.Headers.LastModified?.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new FeedException("Feed.Timeout", feed.TimeoutSeconds);
        }
        catch (HttpRequestException ex) when (Infrastructure.Net.OutboundGuard.BlockedIn(ex) is { } blocked)
        {
            throw new FeedException("Feed.Blocked", blocked.Host);
        }
        catch (HttpRequestException)
        {
            throw new FeedException("Feed.Network");
        }
    }
}
