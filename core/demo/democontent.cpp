// SPDX-License-Identifier: MIT
#include "democontent.h"

#include "demoarchetypes.h"
#include "democatalog.h"
#include "demoerrors.h"
#include "demojsonwriter.h"
#include "demorandom.h"
#include "demothemes.h"

#include <cstring>

namespace lettascope::demo {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";
constexpr char kAlnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

const char *pickLine(std::span<const char *const> lines, quint32 seed)
{
    return lines[seed % lines.size()];
}

void appendMemgptPacket(QByteArray &out, const char *type, const char *key, QByteArrayView text, Micros time)
{
    // json.dumps() formatting, as memgpt's package_* helpers produce it.
    out.append("{\"type\": \"").append(type).append("\", \"").append(key).append("\": \"");
    appendJsonEscaped(out, std::string_view(text.data(), size_t(text.size())));
    out.append("\", \"time\": \"");
    const TimeText when = memgptTime(time);
    out.append(when.data, when.size);
    out.append("\"}");
}

} // namespace

DemoContent::Vars DemoContent::runVars(quint32 run, quint32 seed) const
{
    Vars vars;
    DemoRandom rng(DemoRandom::mix(seed, 11));
    vars.n = rng.range(1, 9);
    vars.hex = rng.next32();
    if (run == kNone)
        return vars;
    const RunRec &owner = m_data.runs[run];
    vars.num = 1000 + owner.seed % 90000;
    vars.date = owner.created + qint64(1 + owner.seed % 3) * kMicrosPerDay;
    const ThemeSpec &theme = themes()[owner.theme];
    fill(vars.subject, theme.subjects[owner.subject], vars);
    return vars;
}

DemoContent::Vars DemoContent::varsFor(const MessageRec &message, int call) const
{
    Vars vars = runVars(message.run, message.seed + quint32(call));
    if (message.calls > 0)
        vars.tool = tools()[message.tools[qBound(0, call, 2)]].name;
    if (message.step != kNone)
        vars.model = models()[m_data.steps[message.step].model].name;
    return vars;
}

void DemoContent::fill(QByteArray &out, const char *text, const Vars &vars) const
{
    static constexpr std::string_view names[] = {"subject", "n", "num", "hex", "date", "tool", "model"};
    const char *cursor = text;
    while (const char *open = std::strchr(cursor, '{')) {
        out.append(cursor, open - cursor);
        const char *close = std::strchr(open, '}');
        int matched = -1;
        if (close) {
            const std::string_view name(open + 1, size_t(close - open - 1));
            for (int i = 0; i < int(std::size(names)); ++i) {
                if (name == names[i])
                    matched = i;
            }
        }
        if (matched < 0) {
            out.append('{');
            cursor = open + 1;
            continue;
        }
        switch (matched) {
        case 0: out.append(vars.subject); break;
        case 1: out.append(QByteArray::number(vars.n)); break;
        case 2: out.append(QByteArray::number(vars.num)); break;
        case 3:
            for (int i = 7; i >= 0; --i)
                out.append(kHexDigits[(vars.hex >> (4 * i)) & 0xf]);
            break;
        case 4: {
            out.append(isoNaive(startOfUtcDay(vars.date)).data, 10);
            break;
        }
        case 5: out.append(vars.tool.isEmpty() ? QByteArrayView("the tool") : vars.tool); break;
        default: out.append(vars.model.isEmpty() ? QByteArrayView("the model") : vars.model); break;
        }
        cursor = close + 1;
    }
    out.append(cursor);
}

QByteArray DemoContent::fill(const char *text, const Vars &vars) const
{
    QByteArray out;
    fill(out, text, vars);
    return out;
}

QByteArray DemoContent::userContent(const MessageRec &message) const
{
    const AgentRec &agent = m_data.agents[message.agent];
    QByteArray out;
    if (message.kind == MessageKind::Login) {
        appendMemgptPacket(out, "login", "last_login", "Never (first login)", message.time);
        return out;
    }
    if (message.kind == MessageKind::Heartbeat) {
        appendMemgptPacket(out, "heartbeat", "reason",
                           "[This is an automated system message hidden from the user] Function called using "
                           "request_heartbeat=true, returning control",
                           message.time);
        return out;
    }
    const RunRec &run = m_data.runs[message.run];
    const QByteArray request = fill(themes()[run.theme].tasks[run.task].request, varsFor(message));
    if (!packagesUserJson(agent.agentType))
        return request;
    appendMemgptPacket(out, "user_message", "message", request, message.time);
    return out;
}

QByteArray DemoContent::reasoning(const MessageRec &message) const
{
    const Vars vars = varsFor(message);
    switch (message.kind) {
    case MessageKind::Reply: return fill(pickLine(closingThoughts(), message.seed), vars);
    case MessageKind::ApprovalRequest: return fill(pickLine(approvalThoughts(), message.seed), vars);
    default: break;
    }
    if (message.variant == 1)
        return fill(pickLine(recoveryThoughts(), message.seed), vars);
    const ThemeSpec &theme = themes()[m_data.runs[message.run].theme];
    return fill(theme.thoughts[(message.ordinal + message.seed % 2) % theme.thoughts.size()], vars);
}

QByteArray DemoContent::reasoningSignature(quint32 messageIndex) const
{
    QByteArray out("EqQBCkgIBBABGAIqQ");
    DemoRandom rng(DemoRandom::mix(m_data.config.seed ^ 0x5167, messageIndex));
    for (int i = 0; i < 64; ++i)
        out.append(kAlnum[rng.below(sizeof kAlnum - 1)]);
    return out;
}

QByteArray DemoContent::assistantText(const MessageRec &message) const
{
    const RunRec &run = m_data.runs[message.run];
    return fill(themes()[run.theme].tasks[run.task].answer, varsFor(message));
}

QByteArray DemoContent::systemText(const MessageRec &message) const
{
    const AgentRec &agent = m_data.agents[message.agent];
    QByteArray out = agent.initialSystem.toUtf8();
    out.append("\n\n<memory_blocks>\nThe following memory blocks are currently engaged in your core memory unit:\n");
    for (quint32 block : agent.blocks) {
        const BlockRec &record = m_data.blocks[block];
        out.append("\n<").append(record.label.toUtf8()).append(">\n").append(record.value.toUtf8());
        out.append("\n</").append(record.label.toUtf8()).append(">\n");
    }
    out.append("</memory_blocks>");
    return out;
}

QByteArray DemoContent::summary(const MessageRec &message) const
{
    return fill("Summary of the conversation so far: the user asked about {subject}. I called {n} tools, found the "
                "relevant information and started drafting an answer. Open items: confirm the final numbers and "
                "share the result.",
                varsFor(message));
}

QByteArray DemoContent::toolArguments(const MessageRec &message, int call) const
{
    return fill(tools()[message.tools[call]].arguments, varsFor(message, call));
}

QByteArray DemoContent::toolReturn(const MessageRec &message, int call) const
{
    const ToolSpec &tool = tools()[message.tools[call]];
    const Vars vars = varsFor(message, call);
    if (message.flags & MessageFlag::Denied)
        return "Error: request to call tool denied. User reason: " + denialReason(message);
    // Parallel calls fail one at a time: only the first call carries the error.
    if ((message.flags & MessageFlag::ToolError) && call == 0 && *tool.failure)
        return fill(tool.failure, vars);
    return fill(tool.result, vars);
}

QByteArray DemoContent::toolStdout(const MessageRec &message, int call) const
{
    const Vars vars = varsFor(message, call);
    return fill("[{tool}] started\n[{tool}] finished in 0.{n}s", vars);
}

QByteArray DemoContent::toolStderr(const MessageRec &message, int call) const
{
    if (!(message.flags & MessageFlag::ToolError) || call != 0)
        return {};
    return fill("Traceback (most recent call last):\n  File \"/sandbox/{tool}.py\", line {n}, in {tool}\n"
                "RuntimeError: {tool} failed (see tool return for the error)",
                varsFor(message, call));
}

QByteArray DemoContent::denialReason(const MessageRec &message) const
{
    static constexpr const char *reasons[] = {"Not now, let's wait until after the release.",
                                              "Please double-check the amount first.",
                                              "I'd rather do this myself.", "Wrong environment, use staging."};
    return reasons[message.seed % std::size(reasons)];
}

QByteArray DemoContent::toolCallId(quint32 callMessage, int call) const
{
    const MessageRec &message = m_data.messages[callMessage];
    const char *provider = message.step == kNone ? "openai" : models()[m_data.steps[message.step].model].providerType;
    DemoRandom rng(DemoRandom::mix(m_data.config.seed ^ 0xca11, quint64(callMessage) * 4 + quint64(call)));
    QByteArray out;
    int length = 24;
    if (std::strcmp(provider, "anthropic") == 0) {
        out = "toolu_01";
        length = 22;
    } else {
        out = "call_";
    }
    for (int i = 0; i < length; ++i)
        out.append(kAlnum[rng.below(sizeof kAlnum - 1)]);
    return out;
}

QByteArray DemoContent::runError(quint32 run) const
{
    const RunRec &record = m_data.runs[run];
    if (record.state != RunState::Failed)
        return {};
    const auto signatures = errorSignatures();
    const quint8 index = record.plan.errorSignature < signatures.size() ? record.plan.errorSignature : 0;
    Vars vars = runVars(run, record.seed);
    vars.num = 10000 + DemoRandom::mix(record.seed) % 190000;
    if (!record.steps.empty())
        vars.model = models()[m_data.steps[record.steps.back()].model].name;
    const ThemeSpec &theme = themes()[record.theme];
    vars.tool = theme.tools[record.seed % theme.tools.size()];
    return fill(signatures[index].message, vars);
}

QByteArray DemoContent::stepErrorType(const StepRec &step) const
{
    const auto signatures = errorSignatures();
    if (step.state != StepState::Failed)
        return {};
    if (step.errorSignature >= signatures.size())
        return "LettaError";
    return signatures[step.errorSignature].errorType;
}

QByteArray DemoContent::toolSource(int catalogTool)
{
    const ToolSpec &tool = tools()[catalogTool];
    QByteArray out("def ");
    out.append(tool.name).append("(**kwargs):\n    \"\"\"").append(tool.description);
    out.append("\"\"\"\n    raise NotImplementedError(\"runs in the demo sandbox\")\n");
    return out;
}

} // namespace lettascope::demo
