#include "emulator/EmulatorFaults.h"

#include "emulator/EmulatorHttp.h"

namespace aerodesk::emulator {

namespace {
constexpr int kMaxLatencyMs = 30000;
constexpr int kMaxBurst = 1000;
} // namespace

bool EmulatorFaults::set(const QString &kind, qint64 value, QString *error)
{
    const bool latency = kind == QLatin1String("latency-ms");
    const qint64 max = latency ? kMaxLatencyMs : kMaxBurst;
    if (value < 0 || value > max) {
        if (error)
            *error = QStringLiteral("%1 must be 0..%2").arg(kind).arg(max);
        return false;
    }
    if (kind == QLatin1String("server-error"))
        m_serverErrors = int(value);
    else if (kind == QLatin1String("rate-limit"))
        m_rateLimits = int(value);
    else if (kind == QLatin1String("malformed"))
        m_malformed = int(value);
    else if (kind == QLatin1String("drop"))
        m_drops = int(value);
    else if (latency)
        m_latencyMs = int(value);
    else {
        if (error)
            *error =
                QStringLiteral(
                    "unknown fault '%1' (server-error, rate-limit, malformed, drop, latency-ms)")
                    .arg(kind);
        return false;
    }
    return true;
}

bool EmulatorFaults::apply(const QString &spec, QString *error)
{
    const qsizetype eq = spec.indexOf(QLatin1Char('='));
    bool ok = false;
    const qint64 value = eq > 0 ? spec.mid(eq + 1).toLongLong(&ok) : 0;
    if (eq <= 0 || !ok) {
        if (error)
            *error = QStringLiteral("a fault is kind=N, e.g. server-error=3 (got '%1')").arg(spec);
        return false;
    }
    return set(spec.left(eq), value, error);
}

bool EmulatorFaults::apply(const QJsonObject &body, QString *error)
{
    EmulatorFaults next = *this;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!it.value().isDouble()) {
            if (error)
                *error = QStringLiteral("%1 must be a number").arg(it.key());
            return false;
        }
        // Out of any fault's range maps to -1 (refused by set()) before the conversion:
        // qint64(1e300) is undefined behaviour.
        const double d = it.value().toDouble();
        if (!next.set(it.key(), d >= 0 && d <= 1e12 ? qint64(d) : -1, error))
            return false;
    }
    *this = next; // all or nothing
    return true;
}

std::optional<QHttpServerResponse> EmulatorFaults::next()
{
    if (m_serverErrors > 0) {
        --m_serverErrors;
        return EmulatorHttp::error(QHttpServerResponse::StatusCode::ServiceUnavailable,
                                   QStringLiteral("AR-500"),
                                   QStringLiteral("Injected server error (sandbox fault)"));
    }
    if (m_rateLimits > 0) {
        --m_rateLimits;
        QHttpServerResponse r = EmulatorHttp::error(
            QHttpServerResponse::StatusCode::TooManyRequests, QStringLiteral("RATE_LIMITED"),
            QStringLiteral("Too many requests (sandbox fault); retry after 1 s"));
        r.setHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1"));
        return r;
    }
    if (m_malformed > 0) {
        --m_malformed;
        return QHttpServerResponse(
            QByteArrayLiteral("application/json"),
            QByteArrayLiteral(R"({"status":"success","statusCode":200,"acc)"));
    }
    return std::nullopt;
}

bool EmulatorFaults::takeDrop()
{
    if (m_drops <= 0)
        return false;
    --m_drops;
    return true;
}

QJsonObject EmulatorFaults::state() const
{
    return QJsonObject { { QStringLiteral("server-error"), m_serverErrors },
                         { QStringLiteral("rate-limit"), m_rateLimits },
                         { QStringLiteral("malformed"), m_malformed },
                         { QStringLiteral("drop"), m_drops },
                         { QStringLiteral("latency-ms"), m_latencyMs } };
}

} // namespace aerodesk::emulator
