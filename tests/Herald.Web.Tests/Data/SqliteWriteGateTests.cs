using Herald.Web.Infrastructure.Data;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Web.Tests.Data;

/// <summary>写闸（SqliteWriteGate）：开始事务失败时（请求已取消、连接上已有事务）闸必须放开，后面的写入者不必等到超时。</summary>
[Trait("Category", TestPostgres.SqliteOnly)]
public sealed class SqliteWriteGateTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task BeginTransaction_FailsAfterTakingTheGate_NextWriterNotKeptWaiting()
    {
        await using var failedScope = factory.Services.CreateAsyncScope();
        var failed = failedScope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        // A transaction EF does not know of makes its begin fail after the gate was taken, as a cancelled request does.
        var connection = failed.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (await connection.BeginTransactionAsync())
            await Should.ThrowAsync<InvalidOperationException>(() => failed.Database.BeginTransactionAsync());

        await using var nextScope = factory.Services.CreateAsyncScope();
        var next = nextScope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var begin = next.Database.BeginTransactionAsync();

        (await Task.WhenAny(begin, Task.Delay(TimeSpan.FromSeconds(5)))).ShouldBe(begin, "the next writer waited for a gate nobody holds");
        await using var transaction = await begin;
    }
}
