// SPDX-License-Identifier: MIT
#pragma once

#include "runscenarios.h"
#include "store/storewriter.h"

#include <QTemporaryDir>

#include <memory>

namespace testsupport {

/// A fresh cache in a temporary folder with one server, for store-backed tests and benchmarks.
class CacheFixture
{
public:
    CacheFixture();
    /// Opens (and migrates) the cache and registers a server; false (with a test failure message) on error.
    bool open();
    lettascope::store::StoreWriter &writer() { return *m_writer; }
    QString path() const { return m_dir.filePath(QStringLiteral("cache.db")); }
    qint64 serverId() const { return m_serverId; }
    /// Writes in batches of `batchSize`; false on the first failed write.
    bool write(const QList<ScenarioRun> &runs, const QList<lettascope::Agent> &agents = {}, int batchSize = 500);
    /// A read-only connection (the test thread's own).
    lettascope::store::Database read();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<lettascope::store::StoreWriter> m_writer;
    qint64 m_serverId = 0;
};

} // namespace testsupport
