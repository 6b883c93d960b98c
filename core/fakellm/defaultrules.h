// SPDX-License-Identifier: MIT
#pragma once

#include "llmtypes.h"

#include <QList>

// The fake LLM's unscripted behaviour: the conventions the live captures were made with
// (tests/fixtures/letta-live/README.md), so a real App Server driven through it produces the same
// shapes as the captures.
namespace lettascope::fakellm {

/// The model every default answer names.
inline constexpr QStringView kFakeModel = u"fake-model";

/// Dispatches on the route.
Reply defaultReply(const LlmRequest &request);

/// Chat rules, on the last message:
/// - a tool result             → "The tool ran. Final answer: 42."
/// - user text with FAIL_500   → HTTP 500
/// - user text with USE_TOOL   → a `Read` call on the first file name in the text (default a.txt),
///                               resolved against the working directory letta-code reports
/// - user text with USE_BASH   → a shell call that touches created-by-agent.txt: `exec_command`, or
///                               `Bash` when the request offers only that
/// - anything else             → "Hello from the fake LLM. You said: <text>" (as a JSON object
///                               {"reply": …} when the request asks for JSON)
Reply defaultChatReply(const LlmRequest &request);

/// GET /v1/models: one model, fake-model.
QJsonDocument defaultModelList();

/// A deterministic unit vector for `text`: hashed bag of lowercase words, so texts sharing words are
/// closer than texts that share none. Tests can compute the expected vector with the same function.
QList<double> fakeEmbedding(const QString &text, int dimensions = 64);

/// POST /v1/embeddings for every input (honours `dimensions` when given).
QJsonDocument embeddingsFor(const LlmRequest &request);

} // namespace lettascope::fakellm
