using CcsviBot;

var builder = WebApplication.CreateBuilder(args);

// The repository's appsettings.json (found from the working directory) is read where ASP.NET Core reads its own:
// user secrets, environment variables and the command line override it.
builder.Configuration.AddRepositorySettings(builder.Environment);
builder.UseDefaultUrls();

builder.Services.AddAnswering(builder.Configuration);
builder.Services.AddBotConnector(builder.Configuration);
builder.Services.AddDirectLine(builder.Configuration);
builder.Services.AddTeams(builder.Configuration);
builder.Services.AddMaintenance(builder.Configuration);
builder.Services.AddScaling(builder.Configuration);

var app = builder.Build();

app.MapHealth();
app.MapBotMessages();
app.MapDirectLine();
app.MapMaintenance();
app.MapBotMetrics();

app.Run();

/// <summary>Entry point marker for WebApplicationFactory.</summary>
public partial class Program;
