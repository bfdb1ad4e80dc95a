namespace Herald.Web.Infrastructure;

public static class Startup
{
    public static WebApplicationBuilder AddHeraldOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HeraldOptions>().Bind(builder.Configuration.GetSection(HeraldOptions.Section));
        return builder;
    }
}
