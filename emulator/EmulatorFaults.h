#pragma once

#include <QHttpServerResponse>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace aerodesk::emulator {

/// Injected failures for the data API (/v2/...), set by flag (--fault kind=N) or by
/// POST /sandbox/faults: a burst of N 5xx answers, N 429 answers, N malformed JSON bodies, a
/// fixed latency, and N new connections closed before their TLS handshake. Request bursts are
/// used in that order, one per request, until spent.
class EmulatorFaults
{
public:
    /// "server-error=3", "rate-limit=2", "malformed=1", "latency-ms=1500". False + `error` when
    /// the text is not one of these.
    bool apply(const QString &spec, QString *error);
    /// Sets the counters present in `body` (same names, numbers); false + `error` on bad input.
    bool apply(const QJsonObject &body, QString *error);
    void clear() { *this = EmulatorFaults(); }

    /// The response to send instead of the real one, consuming one fault; nullopt = none now.
    std::optional<QHttpServerResponse> next();
    int latencyMs() const { return m_latencyMs; }
    /// True (consuming one) when the next new connection is to be dropped.
    bool takeDrop();
    QJsonObject state() const;

private:
    bool set(const QString &kind, qint64 value, QString *error);
    int m_serverErrors = 0;
    int m_rateLimits = 0;
    int m_malformed = 0;
    int m_latencyMs = 0;
    int m_drops = 0;
};

} // namespace aerodesk::emulator
