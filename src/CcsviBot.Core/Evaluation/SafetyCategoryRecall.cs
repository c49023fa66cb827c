namespace CcsviBot.Core.Evaluation;

/// <summary>Recall of one category of urgent messages.</summary>
public sealed record SafetyCategoryRecall(string Category, int Urgent, int Recognised);
