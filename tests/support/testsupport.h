// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QString>

namespace testsupport {

/// Absolute path of a file under tests/fixtures (the real data copied from the shared folder).
QString fixturePath(const QString &relative);
QByteArray readFixture(const QString &relative);
QJsonDocument readJsonFixture(const QString &relative);

} // namespace testsupport
