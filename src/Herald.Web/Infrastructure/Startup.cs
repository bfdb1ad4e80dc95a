namespace Herald.Web.Infrastructure;

public static class Startup
{
    public static WebApplicationBuilder AddHeraldOptions(this WebApplicationBuilder builder)
    {
        // Before anything is written: the database, the file store and the keys are for this account only.
        Files.PrivateFiles.RestrictUmask();
        builder.Services.AddOptions<HeraldOptions>().Bind(builder.Configuration.GetSection(HeraldOptions.Section));
        return builder;
    }
}
