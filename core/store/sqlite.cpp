// SPDX-License-Identifier: MIT
#include "sqlite.h"

#include "common/logging.h"

#include <sqlite3.h>

#include <unordered_map>

using namespace Qt::StringLiterals;

namespace lettascope::store {

struct Database::Cache {
    std::unordered_map<const char *, Statement> statements;
};

Database::~Database()
{
    close();
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
    , m_cache(std::exchange(other.m_cache, nullptr))
{
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_cache = std::exchange(other.m_cache, nullptr);
    }
    return *this;
}

void Database::close()
{
    // Statements must be finalised before the connection closes.
    delete std::exchange(m_cache, nullptr);
    if (m_db)
        sqlite3_close_v2(std::exchange(m_db, nullptr));
}

Result<Database> Database::open(const QString &path, Mode mode)
{
    Database db;
    db.m_path = path;
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db.m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error error = db.lastError(u"cannot open cache %1"_s.arg(path));
        return error;
    }
    db.m_cache = new Cache;
    sqlite3_extended_result_codes(db.m_db, 1);
    // Readers and the writer meet on the same file: WAL lets them run concurrently, and the busy
    // timeout covers the short checkpoint windows.
    sqlite3_busy_timeout(db.m_db, 10000);
    // Keys are random UUIDs, so inserts touch index pages all over the file: a page cache of 64 MiB for
    // the writer (16 MiB per reader) keep a 100,000-run cache from thrashing.
    const char *pragmas = mode == Mode::ReadOnly
        ? "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16384;"
        : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; "
          "PRAGMA cache_size=-65536;";
    if (auto status = db.exec(pragmas); !status)
        return status.error();
    return db;
}

Status Database::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        Error error{ErrorKind::Storage, QString::fromUtf8(message ? message : "unknown SQLite error")};
        sqlite3_free(message);
        qCWarning(lcStore) << "exec failed:" << error.message;
        return error;
    }
    return success();
}

Result<Statement> Database::prepare(const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        return lastError(u"cannot prepare statement"_s);
    return Statement(m_db, stmt);
}

Result<Statement *> Database::cached(const char *sql)
{
    auto it = m_cache->statements.find(sql);
    if (it == m_cache->statements.end()) {
        auto prepared = prepare(sql);
        if (!prepared)
            return prepared.error();
        it = m_cache->statements.emplace(sql, std::move(prepared).value()).first;
    }
    it->second.reset();
    return &it->second;
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

Error Database::lastError(const QString &context) const
{
    const char *message = m_db ? sqlite3_errmsg(m_db) : "out of memory";
    const int code = m_db ? sqlite3_extended_errcode(m_db) : SQLITE_NOMEM;
    Error error{ErrorKind::Storage, context + u": "_s + QString::fromUtf8(message)};
    error.detail = u"SQLite code %1"_s.arg(code);
    return error;
}

Statement::~Statement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_db(other.m_db)
    , m_stmt(std::exchange(other.m_stmt, nullptr))
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

Statement &Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    if (value.isNull())
        return bindNull(index);
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &utf8)
{
    if (utf8.isNull())
        return bindNull(index);
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindBlob(int index, const QByteArray &bytes)
{
    sqlite3_bind_blob(m_stmt, index, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error error{ErrorKind::Storage, u"SQLite: "_s + QString::fromUtf8(sqlite3_errmsg(m_db))};
    error.detail = QString::fromUtf8(sqlite3_sql(m_stmt));
    sqlite3_reset(m_stmt);
    return error;
}

Status Statement::run()
{
    auto stepped = step();
    reset();
    if (!stepped)
        return stepped.error();
    return success();
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

std::optional<qint64> Statement::optionalInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::optional<double> Statement::optionalReal(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return real(column);
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView Statement::utf8(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return QByteArrayView(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::blob(int column) const
{
    return blobView(column).toByteArray();
}

QByteArrayView Statement::blobView(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    if (!data)
        return {};
    return QByteArrayView(data, sqlite3_column_bytes(m_stmt, column));
}

Transaction::Transaction(Database &db)
    : m_db(db)
    , m_begun(db.exec("BEGIN IMMEDIATE"))
{
}

Transaction::~Transaction()
{
    if (m_begun && !m_done)
        m_db.exec("ROLLBACK");
}

Status Transaction::commit()
{
    if (!m_begun)
        return m_begun;
    auto status = m_db.exec("COMMIT");
    m_done = bool(status);
    return status;
}

} // namespace lettascope::store
