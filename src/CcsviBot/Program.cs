using CcsviBot;

var builder = WebApplication.CreateBuilder(args);

// The repository's appsettings.json is the one source of settings; the host's own folder may add environment overrides.
builder.Configuration.AddRepositorySettings(builder.Environment);

builder.Services.AddAnswering(builder.Configuration);
builder.Services.AddBotConnector(builder.Configuration);
builder.Services.AddDirectLine(builder.Configuration);
builder.Services.AddTeams(builder.Configuration);
builder.Services.AddMaintenance(builder.Configuration);

var app = builder.Build();

app.MapHealth();
app.MapBotMessages();
app.MapDirectLine();
app.MapMaintenance();

app.Run();

/// <summary>Entry point marker for WebApplicationFactory.</summary>
public partial class Program;
