// SPDX-License-Identifier: MIT
#pragma once

#include "demodataset.h"

#include <QByteArray>

namespace lettascope::demo {

/// Derives every piece of text of the dataset (requests, reasoning, answers, tool arguments and
/// returns, errors) from the records and their seeds, at serialisation time. All output is UTF-8.
class DemoContent
{
public:
    explicit DemoContent(const DemoDataset &data) : m_data(data) { }

    QByteArray userContent(const MessageRec &message) const;
    QByteArray reasoning(const MessageRec &message) const;
    QByteArray reasoningSignature(quint32 messageIndex) const;
    QByteArray assistantText(const MessageRec &message) const;
    QByteArray systemText(const MessageRec &message) const;
    QByteArray summary(const MessageRec &message) const;
    QByteArray toolArguments(const MessageRec &message, int call) const;
    QByteArray toolReturn(const MessageRec &message, int call) const;
    QByteArray toolStdout(const MessageRec &message, int call) const;
    QByteArray toolStderr(const MessageRec &message, int call) const;
    QByteArray denialReason(const MessageRec &message) const;
    /// Provider-style id of a tool call ("call_…", "toolu_01…"), shared by the call and its return.
    QByteArray toolCallId(quint32 callMessage, int call) const;
    /// metadata.error of a failed run (empty for other runs).
    QByteArray runError(quint32 run) const;
    /// Step.error_type of a failed step (empty otherwise).
    QByteArray stepErrorType(const StepRec &step) const;
    /// Plain-text source code of a custom tool.
    static QByteArray toolSource(int catalogTool);

private:
    struct Vars {
        QByteArray subject;
        QByteArrayView tool;
        QByteArrayView model;
        int n = 1;
        qint64 num = 0;
        quint32 hex = 0;
        Micros date = 0;
    };
    Vars varsFor(const MessageRec &message, int call = 0) const;
    Vars runVars(quint32 run, quint32 seed) const;
    void fill(QByteArray &out, const char *text, const Vars &vars) const;
    QByteArray fill(const char *text, const Vars &vars) const;

    const DemoDataset &m_data;
};

} // namespace lettascope::demo
