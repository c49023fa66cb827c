using Microsoft.AspNetCore.Builder;

namespace CcsviBot.Tests.Hosting;

/// <summary>Issue #15: command line and environment override the repository's settings files, as in any ASP.NET Core app.</summary>
public sealed class ConfigurationPrecedenceTests
{
    [Fact]
    public void The_command_line_overrides_the_repository_appsettings_and_urls_are_taken_from_it()
    {
        var builder = Builder(["--urls=http://127.0.0.1:5057", "--Answering:MaxQuestionLength=1234"]);

        Assert.Equal("http://127.0.0.1:5057", builder.Configuration["urls"]);
        Assert.Equal("1234", builder.Configuration["Answering:MaxQuestionLength"]);
        Assert.Equal("faq", builder.Configuration["Faq:Path"]);
        Assert.NotNull(builder.Configuration[RepositorySettings.SettingsDirectoryKey]);
    }

    [Fact]
    public void A_container_port_setting_is_not_overridden_by_a_default_url()
    {
        var builder = Builder(["--http_ports=8080"]);

        Assert.True(string.IsNullOrEmpty(builder.Configuration["urls"]));
        Assert.Equal("8080", builder.Configuration["http_ports"]);
    }

    [Fact]
    public void Without_any_url_setting_the_bot_listens_on_the_default()
    {
        var builder = Builder([]);

        Assert.Equal(RepositorySettings.DefaultUrls, builder.Configuration["urls"]);
    }

    [Fact]
    public void Environment_variables_override_the_repository_appsettings()
    {
        const string variable = "Logging__LogLevel__System.Net.Http.HttpClient";
        Environment.SetEnvironmentVariable(variable, "Critical");
        try
        {
            var builder = Builder([]);

            Assert.Equal("Critical", builder.Configuration["Logging:LogLevel:System.Net.Http.HttpClient"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    private static WebApplicationBuilder Builder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = "Production" });
        builder.Configuration.AddRepositorySettings(builder.Environment);
        builder.UseDefaultUrls();
        return builder;
    }
}
