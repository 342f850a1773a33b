#include "core/audit/AuditVerifier.h"

#include "core/audit/AuditChain.h"

#include <QCoreApplication>

namespace aerodesk::audit {

namespace {
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("aerodesk::audit::AuditVerifier", text, nullptr, n);
}

AuditVerification broken(AuditVerification v, AuditVerification::Problem problem, qint64 seq,
                         QString message)
{
    v.problem = problem;
    v.firstBrokenSeq = seq;
    v.message = std::move(message);
    return v;
}
} // namespace

AuditVerification AuditVerifier::verify(const QList<AuditRecord> &records,
                                        const std::optional<AuditHead> &head)
{
    using P = AuditVerification::Problem;
    AuditVerification v;
    v.records = records.size();
    v.headSeq = head ? head->seq : 0;
    QByteArray prev = AuditChain::genesis();
    qint64 expected = 1;
    for (const AuditRecord &r : records) {
        if (r.seq != expected)
            return broken(v, P::Missing, expected,
                          tr("Record %1 is missing: the log goes from %2 to %3.")
                              .arg(expected)
                              .arg(expected - 1)
                              .arg(r.seq));
        if (!r.intact)
            return broken(v, P::Edited, r.seq,
                          tr("Record %1 was edited: its sealed fields do not open.").arg(r.seq));
        if (AuditChain::hashOf(r) != r.hash) {
            for (const AuditRecord &other : records) {
                if (other.seq == r.seq)
                    continue;
                AuditRecord moved = r;
                moved.seq = other.seq;
                if (AuditChain::hashOf(moved) == r.hash) {
                    v.otherSeq = other.seq;
                    return broken(v, P::Reordered, r.seq,
                                  tr("Record %1 was reordered: it holds the record written as "
                                     "%2.")
                                      .arg(r.seq)
                                      .arg(other.seq));
                }
            }
            return broken(
                v, P::Edited, r.seq,
                tr("Record %1 was edited: its content does not match its hash.").arg(r.seq));
        }
        if (r.prevHash != prev)
            return broken(v, P::Broken, r.seq,
                          tr("Record %1 does not follow record %2: the chain is broken there.")
                              .arg(r.seq)
                              .arg(r.seq - 1));
        prev = r.hash;
        ++expected;
    }
    const qint64 last = expected - 1;
    if (!head) {
        if (last > 0)
            return broken(v, P::HeadMissing, 0,
                          tr("The keychain holds no head for this audit log: %n record(s) "
                             "check out, but records cut off the end cannot be ruled out.",
                             int(last)));
        v.message = tr("The audit log is empty.");
        return v;
    }
    if (head->seq > last)
        return broken(v, P::Truncated, last + 1,
                      tr("The log was truncated: it ends at record %1 but the keychain head "
                         "says %2 records were written.")
                          .arg(last)
                          .arg(head->seq));
    if (head->seq > 0 && records.at(int(head->seq - 1)).hash != head->hash)
        return broken(v, P::HeadMismatch, head->seq,
                      tr("Record %1 is not the record the keychain head remembers: the log "
                         "was rewritten from there or before.")
                          .arg(head->seq));
    v.message =
        tr("The audit log is intact: %n record(s), every hash and link checks out.", int(last));
    return v;
}

} // namespace aerodesk::audit
