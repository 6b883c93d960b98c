// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace lettascope::trajectories {

/// The processing stages a trajectory goes through. Order is the pipeline order: the embedding embeds
/// the summary, so Summary runs before Embedding within one job.
enum class Stage { Summary, Score, Labels, Embedding, Decisions };
inline constexpr int StageCount = 5;

/// A set of stages as bits (1 << Stage); persisted in processing_jobs.stages.
using StageMask = unsigned;
inline constexpr StageMask AllStages = (1u << StageCount) - 1;
constexpr StageMask stageBit(Stage stage) { return 1u << unsigned(stage); }

QString stageKey(Stage stage);                      ///< "summary", "score", … as stored and printed
std::optional<Stage> stageFromKey(QStringView key);
QStringList stageKeys(StageMask mask);
/// Parses "summary,score" (or "all"); nullopt names the first unknown key through `bad`.
std::optional<StageMask> stageMaskFromKeys(const QString &text, QString *bad = nullptr);

/// Who computes a stage: the offline local implementation or an OpenAI-compatible endpoint.
enum class Backend { Local, OpenAi };
QString backendKey(Backend backend);                ///< "local", "openai"
std::optional<Backend> backendFromKey(QStringView key);

} // namespace lettascope::trajectories
