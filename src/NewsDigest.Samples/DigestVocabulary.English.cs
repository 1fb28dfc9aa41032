namespace NewsDigest.Samples;

internal sealed partial class DigestVocabulary
{
    // Ordered from common to rare: LongTailList gives the first entries most of the picks.
    public static DigestVocabulary English { get; } = new()
    {
        IsEnglish = true,
        SentenceJoiner = " ",
        PointColon = ": ",
        Products = new(
            ("OpenAI", "ChatGPT"), ("OpenAI", "GPT-4"), ("Google", "Gemini"), ("Anthropic", "Claude"),
            ("Meta", "Llama 3"), ("Microsoft", "Copilot"), ("OpenAI", "GPT-4o"), ("OpenAI", "Sora"),
            ("Mistral AI", "Mixtral"), ("xAI", "Grok"), ("Google", "Gemma"), ("Nvidia", "NeMo"),
            ("Baidu", "ERNIE Bot"), ("Alibaba", "Qwen"), ("Stability AI", "Stable Diffusion 3"),
            ("Amazon", "Bedrock"), ("Cohere", "Command R"), ("DeepMind", "AlphaFold 3"),
            ("Apple", "Apple Intelligence"), ("Databricks", "DBRX"), ("Perplexity", "Perplexity Pro")),
        Companies = new(
            "OpenAI", "Google", "Microsoft", "Nvidia", "Meta", "Anthropic", "DeepMind", "Apple", "Amazon",
            "Mistral AI", "xAI", "Baidu", "Alibaba", "Tencent", "Hugging Face", "Cohere", "Stability AI",
            "Perplexity", "ByteDance", "Huawei", "Databricks", "Scale AI", "Character.AI", "Runway", "Midjourney"),
        Technologies = new(
            "LLM", "generative AI", "NLP", "computer vision", "multimodal AI", "reinforcement learning", "RAG",
            "multi-agent", "diffusion models", "Transformer", "speech recognition", "AI agents", "fine-tuning",
            "knowledge graphs", "robotics", "federated learning", "mixture of experts", "neural rendering",
            "neuromorphic computing"),
        Industries = new(
            "Healthcare", "Finance", "Education", "Manufacturing", "Retail", "Automotive", "Media", "Legal",
            "Energy", "Transportation", "Gaming", "Government", "Logistics", "E-commerce", "Telecom",
            "Insurance", "Biotech", "Cybersecurity", "Aerospace", "Agriculture"),
        Keywords = new(
            "AI", "LLM", "chips", "compute", "open source", "funding", "regulation", "data privacy", "GPT-4",
            "startups", "valuation", "copyright", "safety", "alignment", "enterprise", "cloud",
            "GPU shortage", "export controls", "AI Act", "hallucination", "synthetic data", "energy"),
        People =
        [
            "Sarah Chen", "David Miller", "Emily Carter", "Michael Zhang", "Priya Patel", "James Wilson",
            "Laura Schmidt", "Kevin O'Brien", "Maria Garcia", "Tom Nguyen",
        ],
        Roles = ["chief technology officer", "chief executive", "head of research", "vice president of product", "chief scientist"],
        AcademicRoles = ["professor", "researcher", "director"],
        Organisations =
        [
            "Stanford University", "MIT", "the Allen Institute for AI", "Carnegie Mellon University", "UC Berkeley",
            "Oxford University", "the Alan Turing Institute", "Epoch AI",
        ],
        Cities = ["San Francisco", "London", "Paris", "Seattle", "New York", "Singapore", "Toronto", "Berlin"],
        Media = ["Reuters", "Bloomberg", "The Information", "the Financial Times", "The Verge", "TechCrunch"],
        Terms = ["RAG", "multi-agent", "C#", "Python", "fine-tuning", "LoRA", "embedding", "agentic", "tool-use", "long-context", "MoE"],
        Features =
        [
            "long-context reasoning", "real-time voice", "code generation", "image generation", "agent workflows",
            "on-device inference", "tool use", "multilingual support",
        ],
        Policies =
        [
            "the EU AI Act", "the US executive order on AI", "the UK's AI safety framework", "California's SB 1047",
            "China's generative AI rules",
        ],
        Races = ["AI arms race", "price war", "race for compute"],
        OpenModels = ["Llama 3", "Mistral 7B", "Mixtral", "Qwen2", "Gemma", "DBRX", "Falcon"],
        Chips = ["H100", "A100", "B200", "H20", "MI300X", "TPU v5"],
        Quarters = ["first-quarter", "second-quarter", "third-quarter", "fourth-quarter", "full-year"],
        TitleTemplates =
        [
            "{company} launches {product} with {feature}",
            "{company} raises {amount} to build {tech} for {industry}",
            "{company} open-sources {product}, its most capable model yet",
            "{company} and {company3} partner to bring {tech} to {industry}",
            "Why {tech} is reshaping {industry}",
            "Regulators take aim at {tech} as {policy} takes effect",
            "{product} now supports {feature}",
            "{company} reports {percent}% jump in {quarter} AI revenue",
            "Inside {company}'s push into {industry} with {product}",
            "{person} says {tech} will transform {industry}",
            "{company} unveils {product} to rival {product2}",
            "The {race}: how {company} plans to keep up",
            "{company} quietly tests new model that could beat {product2}",
            "{industry} firms turn to {tech} as adoption accelerates",
        ],
        LinkTemplates =
        [
            "https://techcrunch.com/{y}/{mm}/{dd}/{slug}/",
            "https://www.theverge.com/{y}/{m}/{d}/{digits8}/{slug}",
            "https://venturebeat.com/ai/{slug}/",
            "https://www.reuters.com/technology/{slug}-{ymd}/",
            "https://www.wired.com/story/{slug}/",
            "https://arstechnica.com/ai/{y}/{mm}/{slug}/",
        ],
        LeadTemplates =
        [
            "{company} on {weekday} unveiled {product}, the latest step in its push into {tech}.",
            "On {date}, {company} announced a major update to {product}, with big gains in {feature}.",
            "{company} is stepping up its bet on {tech}, {media} reported on {date}, with {product} at the center of the plan.",
            "{company} has shared new details about how {product} is being used in {industry}, drawing wide attention across the industry.",
        ],
        SentenceTemplates =
        [
            "The company said {product} offers major improvements in {feature} compared with the previous version.",
            "{person}, {role} at {company}, told reporters that {industry} would be among the first sectors to benefit.",
            "Analysts say the move puts pressure on {company2}, whose {product2} has dominated the market for much of the past year.",
            "According to {media}, {company} has held talks with several {industry} firms about large-scale deployments.",
            "Training frontier models remains expensive: a single {gpu} can cost more than ${n},000, and clusters often contain tens of thousands of them.",
            "Developers who tested {product} said it handled long documents and {term} workflows noticeably better.",
            "Researchers at {org} recently published a paper showing that {tech} can cut error rates by {percent}% on common benchmarks.",
            "Regulators are watching closely, and {policy} adds new obligations around transparency and data governance.",
            "Not everyone is convinced. {person} of {org} warned that hallucinations remain a serious problem in high-stakes settings.",
            "In healthcare, models are being used for clinical note generation, imaging support and drug discovery.",
            "Some engineers report using the model to write C# and Python code, saving hours of routine work each week.",
            "Multi-agent systems, in which several models collaborate on a task, are widely seen as the next frontier.",
            "{company} said {product} already serves more than {n},000 business customers.",
            "Pricing has become a battleground, with several providers cutting API prices by more than {percent}% this year.",
            "The company also announced a {amount} fund to support startups building on {product}.",
            "Investors poured more than {amount} into {tech} startups in {year}, according to industry data.",
            "Retrieval-augmented generation (RAG) has emerged as a practical way to ground model answers in company data.",
            "{company} said it had expanded its red-teaming program and would publish more details about its safety evaluations.",
            "For {industry} companies, the question is no longer whether to adopt {tech} but how fast.",
            "Energy use is another concern, with data centers expected to consume significantly more power by the end of the decade.",
            "{person} said the company plans to roll {product} out across its entire product line within {small} months.",
            "Open-weight models such as {openModel} have narrowed the gap with proprietary systems, giving enterprises more choice.",
            "Rivals including {company3} have also accelerated their work on {tech}, intensifying global competition.",
            "At a developer event in {city}, {company} demonstrated building a complete application with {product} in minutes.",
            "Critics argue that evaluation standards have not kept pace with the technology, making claims hard to verify.",
            "The startup now employs more than {n}00 people, most of them engineers and researchers.",
            "{person} described the current moment as a platform shift comparable to the arrival of the smartphone.",
            "Privacy advocates have raised questions about how user data is collected and used for model training.",
            "Early customers in {industry} report productivity gains of up to {percent}% on document-heavy tasks.",
            "Shares of {company3} rose {small}% after the announcement.",
            "The company declined to disclose how many parameters the model has or what data it was trained on.",
            "{product} will be available first to enterprise customers, with broader access expected later in {year}.",
            "Supply of high-end chips remains tight, and export controls have complicated plans for some buyers.",
            "Industry observers expect consolidation, as smaller players struggle to match the compute budgets of the largest labs.",
            "{person}, a {academicRole} at {org}, said {tech2} may matter more in the long run than simply scaling up parameters.",
            "Some users say {product} still makes factual mistakes on specialist {industry} questions and must be checked against a knowledge base.",
        ],
        // No connectives: English sentences would need their first word lower-cased, names not.
        Openers = [],
        Headings = ["From demos to deployment", "The cost of compute", "Safety and trust", "Open versus closed"],
        EventIntroTemplates =
        [
            "This article discusses {company}'s latest moves in {tech} and what they mean for {industry}. Key events mentioned in the article:",
            "The report looks at the launch of {product} and the state of the AI industry. The main events are:",
            "The article focuses on how {tech} is being adopted in {industry}. It covers the following events:",
        ],
        EventPointTemplates =
        [
            ("{company} launches {product}", "On {date}, {company} released {product}, highlighting improvements in {feature} and opening API access to developers."),
            ("{tech} adoption in {industry}", "The article notes that {tech} is already used in several {industry} workflows, though data quality and cost remain obstacles."),
            ("Compute and chip constraints", "High-end chips such as the {gpu} remain scarce and expensive, shaping the plans of every major lab."),
            ("Regulatory developments", "{policy} sets new expectations for transparency, safety testing and data governance."),
            ("Funding activity", "Investment in {tech} remains strong, with {company3} among the companies raising large rounds."),
            ("Open-source momentum", "{openModel} has been widely adopted by developers, narrowing the gap with closed models."),
            ("Jobs and ethics", "The article discusses concerns about job displacement and the ethical questions raised by rapid AI adoption."),
            ("Partnerships", "{company} and {company3} announced a partnership to develop {tech} solutions for {industry}."),
            ("Outlook", "The article closes by arguing that {tech} will reshape how work gets done, while urging caution about its risks."),
        ],
        EventClosingTemplates =
        [
            "Overall, the article gives a broad picture of recent progress in {tech}, the challenges ahead and the outlook for the industry.",
            "Taken together, {company}'s moves show the industry shifting from a race for benchmarks to a race for real-world adoption.",
        ],
    };
}
