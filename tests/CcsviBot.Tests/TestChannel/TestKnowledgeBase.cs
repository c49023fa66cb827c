using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;

namespace CcsviBot.Tests;

/// <summary>A small FAQ for host tests, so that their expectations do not move when the real content is edited.</summary>
public static class TestKnowledgeBase
{
    public const string Disclaimer = "This is general information, not medical advice. Talk to your doctor about your own care.";

    public static readonly FaqEntry WhatIsCcsvi = new()
    {
        Id = "what-is-ccsvi",
        Question = "What is CCSVI?",
        Answer = "CCSVI (chronic cerebrospinal venous insufficiency) is a proposed condition in which veins draining the brain and spinal cord are narrowed.",
        Sources = [new FaqSource("Chronic cerebrospinal venous insufficiency in patients with multiple sclerosis", "J Neurol Neurosurg Psychiatry", 2009, "https://doi.org/10.1136/jnnp.2008.157164")],
        Related = ["venoplasty-evidence", "ccsvi-and-ms"],
    };

    public static readonly FaqEntry VenoplastyEvidence = new()
    {
        Id = "venoplasty-evidence",
        Question = "Does venous angioplasty help MS?",
        Answer = "A randomised sham-controlled trial found no benefit of venous angioplasty for people with MS.",
        Sources = [new FaqSource("Brave Dreams trial", "JAMA Neurology", 2018, "https://doi.org/10.1001/jamaneurol.2017.3825"), new FaqSource("Patient leaflet", null, null, null)],
    };

    public static readonly FaqEntry CcsviAndMs = new()
    {
        Id = "ccsvi-and-ms",
        Question = "Does CCSVI cause MS?",
        Answer = "Large studies did not confirm that CCSVI is linked to MS.",
        Sources = [new FaqSource("CoSMo study", "Neurology", 2013, "https://example.org/cosmo")],
    };

    public const string UrgentReply = "If you are in danger, call your local emergency number now.";

    /// <summary>The real engine over three entries, one safety rule ("emergency") and no small talk.</summary>
    public static KnowledgeBase Create()
    {
        var content = new FaqContent([WhatIsCcsvi, VenoplastyEvidence, CcsviAndMs], Disclaimer, [new SafetyRule("emergency", ["emergency"], UrgentReply)], []);
        return KnowledgeBaseFactory.Default.Build(content, new AnsweringOptions(), version: 7);
    }
}

/// <summary>Always the same knowledge base.</summary>
public sealed class FixedKnowledgeBaseProvider(KnowledgeBase knowledgeBase) : IKnowledgeBaseProvider
{
    public KnowledgeBase Current => knowledgeBase;
}
