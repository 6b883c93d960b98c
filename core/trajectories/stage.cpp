// SPDX-License-Identifier: MIT
#include "stage.h"

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

QString stageKey(Stage stage)
{
    switch (stage) {
    case Stage::Summary: return u"summary"_s;
    case Stage::Score: return u"score"_s;
    case Stage::Labels: return u"labels"_s;
    case Stage::Embedding: return u"embedding"_s;
    case Stage::Decisions: return u"decisions"_s;
    }
    return {};
}

std::optional<Stage> stageFromKey(QStringView key)
{
    for (int i = 0; i < StageCount; ++i) {
        if (key == stageKey(Stage(i)))
            return Stage(i);
    }
    return std::nullopt;
}

QStringList stageKeys(StageMask mask)
{
    QStringList keys;
    for (int i = 0; i < StageCount; ++i) {
        if (mask & stageBit(Stage(i)))
            keys << stageKey(Stage(i));
    }
    return keys;
}

std::optional<StageMask> stageMaskFromKeys(const QString &text, QString *bad)
{
    StageMask mask = 0;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString key = part.trimmed();
        if (key == u"all") {
            mask |= AllStages;
            continue;
        }
        const auto stage = stageFromKey(key);
        if (!stage) {
            if (bad)
                *bad = key;
            return std::nullopt;
        }
        mask |= stageBit(*stage);
    }
    return mask;
}

QString backendKey(Backend backend)
{
    return backend == Backend::OpenAi ? u"openai"_s : u"local"_s;
}

std::optional<Backend> backendFromKey(QStringView key)
{
    if (key == u"local")
        return Backend::Local;
    if (key == u"openai")
        return Backend::OpenAi;
    return std::nullopt;
}

} // namespace lettascope::trajectories
