// SPDX-License-Identifier: MIT
#pragma once

#include <span>
#include <string_view>

// The fixed vocabulary the generator draws from: models, providers, tools. Plain constant data so
// the dataset only stores small indices into it.

namespace lettascope::demo {

struct ModelSpec {
    const char *handle;        ///< "openai/gpt-4o-mini"
    const char *name;          ///< the provider's model name
    const char *displayName;
    const char *providerType;  ///< ProviderType
    const char *providerName;
    const char *endpointType;  ///< LLMConfig.model_endpoint_type
    const char *endpoint;
    int contextWindow;
    int maxTokens;
    bool reasoner;             ///< emits reasoner_model reasoning and reasoning tokens
    bool reportsCache;         ///< cached_input_tokens reported (else null)
    bool reportsReasoning;     ///< reasoning_tokens reported (else null: "not reported")
    int tokensPerSecond;
    int firstTokenMs;
};

struct EmbeddingSpec {
    const char *handle;
    const char *name;
    const char *displayName;
    const char *providerType;
    const char *providerName;
    const char *endpointType;
    const char *endpoint;
    int dimensions;
};

struct ProviderSpec {
    const char *name;
    const char *type;
    const char *category; ///< base | byok
    const char *baseUrl;
};

struct ToolSpec {
    const char *name;
    const char *type;          ///< ToolType
    const char *description;
    const char *properties;    ///< JSON Schema "properties" object, as JSON text
    const char *required;      ///< JSON array text
    const char *arguments;     ///< call arguments template ({subject}, {n}, {num}, {hex}, {date})
    const char *result;        ///< success return template
    const char *failure;       ///< error return template (contains the word "error")
    const char *mcpServer;     ///< server name for external_mcp tools, else nullptr
    bool requiresApproval;
};

struct McpServerSpec {
    const char *name;
    const char *type;          ///< stdio | sse | streamable_http
    const char *target;        ///< command for stdio, URL otherwise
};

std::span<const ModelSpec> models();
std::span<const EmbeddingSpec> embeddingModels();
std::span<const ProviderSpec> providers();
std::span<const ToolSpec> tools();
std::span<const McpServerSpec> mcpServers();

/// Index into models()/embeddingModels()/tools()/providers() by handle or name; -1 when unknown.
int modelIndex(std::string_view handle);
int embeddingIndex(std::string_view handle);
int toolIndex(std::string_view name);
int providerIndex(std::string_view name);

} // namespace lettascope::demo
