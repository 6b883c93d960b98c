// SPDX-License-Identifier: MIT
#include "democatalog.h"

#include <array>

namespace lettascope::demo {

namespace {

constexpr std::array kModels{
    ModelSpec{"openai/gpt-4o-mini", "gpt-4o-mini", "GPT-4o mini", "openai", "openai", "openai",
              "https://api.openai.com/v1", 128000, 16384, false, true, true, 95, 420},
    ModelSpec{"openai/gpt-4.1", "gpt-4.1", "GPT-4.1", "openai", "openai", "openai", "https://api.openai.com/v1",
              1047576, 32768, false, true, true, 70, 560},
    ModelSpec{"openai/o4-mini", "o4-mini", "o4-mini", "openai", "openai", "openai", "https://api.openai.com/v1",
              200000, 100000, true, true, true, 110, 1900},
    ModelSpec{"anthropic/claude-sonnet-4-5", "claude-sonnet-4-5-20250929", "Claude Sonnet 4.5", "anthropic",
              "anthropic", "anthropic", "https://api.anthropic.com/v1", 200000, 64000, true, true, false, 65, 980},
    ModelSpec{"anthropic/claude-haiku-4-5", "claude-haiku-4-5-20251001", "Claude Haiku 4.5", "anthropic",
              "anthropic", "anthropic", "https://api.anthropic.com/v1", 200000, 64000, false, true, false, 140, 510},
    ModelSpec{"google_ai/gemini-2.5-flash", "gemini-2.5-flash", "Gemini 2.5 Flash", "google_ai", "google_ai",
              "google_ai", "https://generativelanguage.googleapis.com", 1048576, 65536, true, false, true, 180, 640},
    ModelSpec{"google_ai/gemini-2.5-pro", "gemini-2.5-pro", "Gemini 2.5 Pro", "google_ai", "google_ai", "google_ai",
              "https://generativelanguage.googleapis.com", 1048576, 65536, true, false, true, 85, 1500},
    ModelSpec{"letta/letta-free", "letta-free", "Letta Free", "letta", "letta", "openai",
              "https://inference.letta.com/v1/", 30000, 8192, false, false, false, 60, 700},
    ModelSpec{"groq/llama-3.3-70b-versatile", "llama-3.3-70b-versatile", "Llama 3.3 70B (Groq)", "groq", "groq",
              "groq", "https://api.groq.com/openai/v1", 131072, 32768, false, false, false, 320, 240},
};

constexpr std::array kEmbeddings{
    EmbeddingSpec{"openai/text-embedding-3-small", "text-embedding-3-small", "text-embedding-3-small", "openai",
                  "openai", "openai", "https://api.openai.com/v1", 1536},
    EmbeddingSpec{"openai/text-embedding-3-large", "text-embedding-3-large", "text-embedding-3-large", "openai",
                  "openai", "openai", "https://api.openai.com/v1", 3072},
    EmbeddingSpec{"google_ai/gemini-embedding-001", "gemini-embedding-001", "Gemini Embedding 001", "google_ai",
                  "google_ai", "google_ai", "https://generativelanguage.googleapis.com", 3072},
    EmbeddingSpec{"letta/letta-free", "letta-free", "Letta Free Embeddings", "letta", "letta", "openai",
                  "https://embeddings.letta.com/", 1536},
};

constexpr std::array kProviders{
    ProviderSpec{"openai", "openai", "base", "https://api.openai.com/v1"},
    ProviderSpec{"anthropic", "anthropic", "base", "https://api.anthropic.com/v1"},
    ProviderSpec{"google_ai", "google_ai", "base", "https://generativelanguage.googleapis.com"},
    ProviderSpec{"letta", "letta", "base", "https://inference.letta.com/v1/"},
    ProviderSpec{"groq", "groq", "base", "https://api.groq.com/openai/v1"},
    ProviderSpec{"openai-team-byok", "openai", "byok", "https://api.openai.com/v1"},
};

constexpr std::array kMcpServers{
    McpServerSpec{"github", "stdio", "npx"},
    McpServerSpec{"linear", "sse", "https://mcp.linear.app/sse"},
    McpServerSpec{"notion", "streamable_http", "https://mcp.notion.com/mcp"},
};

} // namespace

std::span<const ModelSpec> models()
{
    return kModels;
}

std::span<const EmbeddingSpec> embeddingModels()
{
    return kEmbeddings;
}

std::span<const ProviderSpec> providers()
{
    return kProviders;
}

std::span<const McpServerSpec> mcpServers()
{
    return kMcpServers;
}

int modelIndex(std::string_view handle)
{
    for (size_t i = 0; i < kModels.size(); ++i) {
        if (handle == kModels[i].handle)
            return int(i);
    }
    return -1;
}

int embeddingIndex(std::string_view handle)
{
    for (size_t i = 0; i < kEmbeddings.size(); ++i) {
        if (handle == kEmbeddings[i].handle)
            return int(i);
    }
    return -1;
}

int providerIndex(std::string_view name)
{
    for (size_t i = 0; i < kProviders.size(); ++i) {
        if (name == kProviders[i].name)
            return int(i);
    }
    return -1;
}

int toolIndex(std::string_view name)
{
    const auto all = tools();
    for (size_t i = 0; i < all.size(); ++i) {
        if (name == all[i].name)
            return int(i);
    }
    return -1;
}

} // namespace lettascope::demo
