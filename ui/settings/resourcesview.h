// SPDX-License-Identifier: MIT
#pragma once

#include "common/generation.h"

#include <QTabWidget>

namespace lettascope::session {
class CacheReader;
}

namespace lettascope::ui::settings {

/// The server's other resources (models, providers, tools, blocks, MCP servers …), one sub-tab per kind,
/// read from the cache when the tab is shown.
class ResourcesView final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourcesView)
public:
    explicit ResourcesView(session::CacheReader &reader, QWidget *parent = nullptr);
    void setServer(qint64 serverId);
    void reload();

private:
    void load(int index);

    session::CacheReader &m_reader;
    qint64 m_serverId = 0;
    Generation m_generation;
};

} // namespace lettascope::ui::settings
