// SPDX-License-Identifier: MIT
#pragma once

#include "llmtypes.h"

// A Completion in the two wire shapes of OpenAI chat completions. letta-code streams
// (stream:true, stream_options.include_usage:true): text deltas word by word, each tool call in one
// delta, a finish chunk, a usage chunk with no choices, then [DONE].
namespace lettascope::fakellm {

struct CompletionMeta {
    QString id;       ///< "chatcmpl-…"
    QString model;
    qint64 created = 0;
};

QByteArray renderStream(const Completion &completion, const CompletionMeta &meta);
QJsonObject renderJson(const Completion &completion, const CompletionMeta &meta);
/// A body that breaks JSON parsing part-way, in the shape the request expected.
QByteArray renderMalformed(bool stream);

} // namespace lettascope::fakellm
