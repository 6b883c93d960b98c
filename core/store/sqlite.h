// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace lettascope::store {

class Statement;

/// RAII owner of one SQLite connection. A connection is used only by the thread that opened it.
class Database
{
public:
    enum class Mode { ReadWrite, ReadOnly };

    Database() = default;
    ~Database();
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens (creating in ReadWrite mode) the file, sets WAL, foreign keys and a busy timeout.
    static Result<Database> open(const QString &path, Mode mode = Mode::ReadWrite);

    bool isOpen() const { return m_db != nullptr; }
    const QString &path() const { return m_path; }

    /// Runs one or more statements without results.
    Status exec(const char *sql);
    Result<Statement> prepare(const char *sql);
    /// A prepared statement kept for the connection's lifetime, keyed by the SQL text's address.
    Result<Statement *> cached(const char *sql);

    qint64 lastInsertRowId() const;
    int changes() const;
    Error lastError(const QString &context) const;
    sqlite3 *handle() const { return m_db; }

private:
    void close();

    sqlite3 *m_db = nullptr;
    QString m_path;
    struct Cache;
    Cache *m_cache = nullptr;
};

/// A prepared statement. Bind indexes are 1-based as in SQLite; columns are 0-based.
class Statement
{
public:
    Statement() = default;
    Statement(sqlite3 *db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) { }
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, bool value) { return bind(index, qint64(value ? 1 : 0)); }
    Statement &bind(int index, double value);
    /// Binds text; a null QString binds SQL NULL, an empty one binds ''.
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, const QByteArray &utf8);
    /// Binds bytes as a BLOB (bind(QByteArray) binds UTF-8 text).
    Statement &bindBlob(int index, const QByteArray &bytes);
    Statement &bindNull(int index);
    template<typename T>
    Statement &bind(int index, const std::optional<T> &value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    /// Advances: true while a row is available, false when done; errors come back as values.
    Result<bool> step();
    /// Runs a statement that returns no rows, then resets it for reuse.
    Status run();
    void reset();

    bool isNull(int column) const;
    qint64 int64(int column) const;
    std::optional<qint64> optionalInt64(int column) const;
    double real(int column) const;
    std::optional<double> optionalReal(int column) const;
    QString text(int column) const;
    /// The column's UTF-8 text without a copy, valid until the next step() or reset(); null for NULL.
    /// For scans that decode only some of what they read.
    QByteArrayView utf8(int column) const;
    QByteArray blob(int column) const;
    /// The column's bytes without a copy, valid like utf8(); null for NULL.
    QByteArrayView blobView(int column) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

/// BEGIN IMMEDIATE on construction; rolls back unless commit() succeeded.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    const Status &begun() const { return m_begun; }
    Status commit();

private:
    Database &m_db;
    Status m_begun;
    bool m_done = false;
};

} // namespace lettascope::store
