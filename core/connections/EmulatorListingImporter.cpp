#include "core/connections/EmulatorListingImporter.h"

#include "core/api/ApiClient.h"
#include "core/store/BlindIndex.h"
#include "core/store/ConnectionRepository.h"
#include "core/util/LogCategories.h"

#include <QJsonArray>
#include <QPointer>
#include <QTimer>

namespace aerodesk::connections {

EmulatorListingImporter::EmulatorListingImporter(api::ApiClient &client,
                                                 store::ConnectionRepository &repository,
                                                 QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_repository(repository)
{
}

void EmulatorListingImporter::setPageSize(int size)
{
    m_pageSize = qBound(1, size, kMaxPageSize);
}

Connection EmulatorListingImporter::fromListing(const QJsonObject &entry)
{
    Connection c;
    c.connectionId =
        store::BlindIndex::normalise(entry.value(QLatin1String("connectionId")).toString());
    c.aeroPassUserUuid = entry.value(QLatin1String("aeroPassUserUuid")).toString().trimmed();
    c.bankName = entry.value(QLatin1String("bankName")).toString();
    c.status = entry.value(QLatin1String("connectionStatus")).toString().trimmed().toUpper();
    const QDateTime expiry = QDateTime::fromString(
        entry.value(QLatin1String("connectionExpiry")).toString(), Qt::ISODate);
    c.connectionExpiry = expiry.isValid() ? expiry.toUTC() : QDateTime();
    return c;
}

void EmulatorListingImporter::start()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelRequested = false;
    m_done = 0;
    m_seen.clear();
    m_summary = ImportSummary();
    ++m_generation;
    requestPage(0);
}

void EmulatorListingImporter::cancel()
{
    if (m_running)
        m_cancelRequested = true;
}

void EmulatorListingImporter::requestPage(int offset)
{
    const quint64 generation = m_generation;
    QPointer<EmulatorListingImporter> self(this);
    const QString path =
        QStringLiteral("/sandbox/connections?offset=%1&limit=%2").arg(offset).arg(m_pageSize);
    m_client.call("GET", path, {}, [self, generation](Result<api::HttpResponse, api::ApiError> r) {
        if (!self || generation != self->m_generation)
            return;
        if (!r.ok()) {
            self->m_summary.error =
                QStringLiteral("The sandbox listing could not be read: %1").arg(r.error().message);
            self->finish();
            return;
        }
        self->storePage(r->json);
    });
}

void EmulatorListingImporter::storePage(const QJsonObject &page)
{
    const QJsonValue totalValue = page.value(QLatin1String("total"));
    const QJsonValue entries = page.value(QLatin1String("connections"));
    if (!totalValue.isDouble() || !entries.isArray()) {
        m_summary.error =
            QStringLiteral("The sandbox listing answer has no total or no connections list.");
        finish();
        return;
    }
    m_summary.total = totalValue.toInt();
    const QJsonArray list = entries.toArray();

    QList<Connection> rows;
    rows.reserve(list.size());
    int created = 0;
    int updated = 0;
    for (const QJsonValue &v : list) {
        Connection c = fromListing(v.toObject());
        if (c.connectionId.isEmpty() || m_seen.contains(c.connectionId)) {
            ++m_summary.skipped;
            continue;
        }
        m_seen.insert(c.connectionId);
        if (m_repository.contains(c.connectionId)) {
            auto existing = m_repository.get(c.connectionId);
            if (!existing.ok()) {
                m_summary.error = QStringLiteral("A stored connection could not be read: %1")
                                      .arg(existing.error().message);
                finish();
                return;
            }
            Connection merged = std::move(existing).value();
            if (!c.aeroPassUserUuid.isEmpty())
                merged.aeroPassUserUuid = c.aeroPassUserUuid;
            if (!c.bankName.isEmpty())
                merged.bankName = c.bankName;
            if (!c.status.isEmpty())
                merged.status = c.status;
            if (c.connectionExpiry.isValid())
                merged.connectionExpiry = c.connectionExpiry;
            rows.append(std::move(merged));
            ++updated;
        } else {
            rows.append(std::move(c));
            ++created;
        }
    }
    if (auto stored = m_repository.upsertMany(rows); !stored) {
        m_summary.error =
            QStringLiteral("The imported connections could not be written to the store: %1")
                .arg(stored.error().message);
        finish();
        return;
    }
    m_summary.created += created;
    m_summary.updated += updated;
    m_done += int(list.size());
    Q_EMIT progress(m_done, m_summary.total);

    const qint64 offset = qint64(page.value(QLatin1String("offset")).toInt()) + list.size();
    if (list.isEmpty() || offset >= m_summary.total) {
        finish();
        return;
    }
    if (m_cancelRequested) {
        m_summary.cancelled = true;
        finish();
        return;
    }
    requestPage(offset);
}

void EmulatorListingImporter::finish()
{
    const QString line =
        QStringLiteral(
            "sandbox listing import: %1 of %2 entries (%3 created, %4 updated, %5 skipped)%6")
            .arg(m_summary.imported())
            .arg(m_summary.total)
            .arg(m_summary.created)
            .arg(m_summary.updated)
            .arg(m_summary.skipped)
            .arg(m_summary.cancelled ? QStringLiteral(", cancelled") : QString());
    if (m_summary.error.isEmpty())
        qCInfo(aerodesk::log::connections).noquote() << line;
    else
        qCWarning(aerodesk::log::connections).noquote() << line << "- stopped:" << m_summary.error;
    m_running = false;
    ++m_generation;
    Q_EMIT finished(m_summary);
}

} // namespace aerodesk::connections
